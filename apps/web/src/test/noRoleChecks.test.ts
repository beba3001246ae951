import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The web app shows pages and buttons from `me.can` and the objects' `viewerCan` only: the API's own
 * answer. A role may be shown (a label, a filter, the role of an account being created) but never
 * decide what the signed-in user is offered.
 */
const SRC = join(__dirname, '..');

const ROLE = `'(?:CENTRAL|PROVINCE_ADMIN|STANDING_BOARD|DEPARTMENT_HEAD|CADRE|HOST_UNIT)'`;
const VIEWER = String.raw`\b(?:me|viewer|viewerData\??\.me|data\??\.me|viewer\??\.me)\??\.role\b`;

const ROLE_CONDITIONS: Array<[string, RegExp]> = [
  ['the viewer’s role compared', new RegExp(String.raw`${VIEWER}\s*[!=]==|[!=]==\s*${VIEWER}`)],
  ['a role list asked about the viewer', new RegExp(String.raw`\.includes\(\s*${VIEWER}`)],
  ['a list of roles', /readonly Role\[\]\s*=|:\s*Role\[\]\s*=\s*\[/],
  ['a role compared', new RegExp(String.raw`\brole\s*[!=]==\s*${ROLE}|${ROLE}\s*[!=]==\s*\w*\.?role\b`)],
  ['a page gated by roles', /\broles=\{/],
];

/** Comparisons of a role that is data, not the viewer's: the role chosen for an account being created. */
const FORM_VALUES: Record<string, RegExp> = {
  'features/organisation/AccountFormModal.tsx': /\bconst hostUnit = role === 'HOST_UNIT'|CADRE_REQUIRED/,
  'features/organisation/AccountsPage.tsx': /\bvalues\.role === 'HOST_UNIT'/,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' || entry.name === 'test' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function roleConditions(file: string): string[] {
  const name = relative(SRC, file);
  const allowed = FORM_VALUES[name];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) =>
      ROLE_CONDITIONS.filter(([, pattern]) => pattern.test(line) && !allowed?.test(line)).map(
        ([what]) => `${name}:${index + 1} ${what}: ${line.trim()}`,
      ),
    );
}

describe('no role decides what the web app offers', () => {
  const files = sources(SRC);

  it('finds the web sources it reads', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no role-based condition in any page', () => {
    expect(files.flatMap(roleConditions)).toEqual([]);
  });

  it('recognises the conditions it forbids', () => {
    const sample = (line: string) => ROLE_CONDITIONS.some(([, pattern]) => pattern.test(line));
    expect(sample("if (me.role === 'HOST_UNIT') return null;")).toBe(true);
    expect(sample('const manager = MANAGERS.includes(viewer.role);')).toBe(true);
    expect(sample("const READERS: readonly Role[] = ['CADRE'];")).toBe(true);
    expect(sample("role === 'DEPARTMENT_HEAD' && departmentId !== null")).toBe(true);
    expect(sample("<RoleGate roles={['PROVINCE_ADMIN']}>")).toBe(true);
    expect(sample('{can.raiseRecommendations && <Button />}')).toBe(false);
    expect(sample('t(`role.${me.role}`)')).toBe(false);
  });
});
