import { Role } from '../../shared/access';
import { fixedClock } from '../../shared/clock';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { OfferCheck } from '../../../test/offers';
import { buildUnit, buildUser, inProvince, linkUser, provinceIdOf } from '../../../test/factories';

type Action = 'edit' | 'finalize' | 'download';
const ACTIONS: Action[] = ['edit', 'finalize', 'download'];

/** A province's report in a year: never written, a saved draft, issued; and the history of a merged province. */
const CASES = ['own, never written', 'own, saved draft', 'own, issued', 'merged province’s history'] as const;
type Case = (typeof CASES)[number];

const VIEWER_CAN = `query ($year: Int!, $p: Int) { annualReport(year: $year, provinceId: $p) {
  version viewerCan { edit finalize download } } }`;
const SAVE = `mutation ($input: SaveReportNarrativeInput!) { saveReportNarrative(input: $input) { version } }`;
const FINALIZE = `mutation ($p: Int!, $year: Int!, $v: Int!) { finalizeReport(provinceId: $p, year: $year, version: $v, number: "125") {
  version } }`;

describe('an annual report’s viewerCan is exactly what its operations allow', () => {
  let product: TestProduct;
  let ldg: number;
  let btn: number;
  let writer: string;
  const actors: Array<{ name: string; token: string }> = [];

  beforeAll(async () => {
    product = await startTestProduct({ clock: fixedClock('2026-06-15') });
    ldg = await provinceIdOf(product.owner, 'LDG');
    // Bình Thuận merged into Lâm Đồng in 2025: Lâm Đồng's users read its reports and write none.
    btn = await provinceIdOf(product.owner, 'BTN');
    const hni = await provinceIdOf(product.owner, 'HNI');
    const commune = await buildUnit(product.owner, { provinceId: ldg, name: 'Đoàn xã Đạ Huoai' });
    const account = async (role: Role, provinceId = ldg) => {
      const user = await buildUser(product.owner, { role, provinceId });
      if (role === Role.HOST_UNIT) await linkUser(product.owner, user.id, { unitId: commune.id });
      return product.login(user.username);
    };
    writer = await account(Role.PROVINCE_ADMIN);
    actors.push(
      { name: 'central', token: await account(Role.CENTRAL) },
      { name: 'organisation department', token: writer },
      { name: 'standing board', token: await account(Role.STANDING_BOARD) },
      { name: 'department head', token: await account(Role.DEPARTMENT_HEAD) },
      { name: 'cadre', token: await account(Role.CADRE) },
      { name: 'host unit', token: await account(Role.HOST_UNIT) },
      { name: 'another province’s organisation department', token: await account(Role.PROVINCE_ADMIN, hni) },
    );
  });
  afterAll(() => product.stop());

  /** The 2024 report in the case's state, the previous case's report removed; its version as stored. */
  const reportIn = async (which: Case): Promise<{ provinceId: number; year: number; version: number }> => {
    const y = 2024;
    await inProvince(product.owner, ldg, () => product.owner.query('DELETE FROM report WHERE province_id = $1', [ldg]));
    if (which === 'merged province’s history') return { provinceId: btn, year: y, version: 0 };
    if (which === 'own, never written') return { provinceId: ldg, year: y, version: 0 };
    await product.ok(SAVE, { input: { provinceId: ldg, year: y, version: 0, topics: 'Khảo sát đoàn viên' } }, writer);
    if (which === 'own, saved draft') return { provinceId: ldg, year: y, version: 1 };
    await product.ok(FINALIZE, { p: ldg, year: y, v: 1 }, writer);
    return { provinceId: ldg, year: y, version: 2 };
  };

  const attempt = async (action: Action, report: { provinceId: number; year: number; version: number }, token: string) => {
    if (action === 'download') {
      const res = await fetch(`${product.url}/files/reports/${report.provinceId}/${report.year}.docx`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return res.status === 200 ? null : `HTTP ${res.status}`;
    }
    const res =
      action === 'edit'
        ? await product.gql(
            SAVE,
            { input: { provinceId: report.provinceId, year: report.year, version: report.version, topics: 'Đã sửa' } },
            token,
          )
        : await product.gql(FINALIZE, { p: report.provinceId, year: report.year, v: report.version }, token);
    return res.errors === undefined ? null : JSON.stringify(res.errors[0]?.extensions);
  };

  it.each(ACTIONS)('%s: offered exactly when it succeeds, for every role and report', async (action) => {
    const check = new OfferCheck();
    for (const actor of actors) {
      for (const which of CASES) {
        const report = await reportIn(which);
        const read = await product.gql(VIEWER_CAN, { year: report.year, p: report.provinceId }, actor.token);
        const can: boolean = read.data?.annualReport?.viewerCan?.[action] ?? false;
        const refusal = await attempt(action, report, actor.token);
        check.record(`${actor.name} @ ${which}`, can, refusal);
      }
    }
    check.verify();
  });

  it('lets the province’s writers draft and issue, everyone who reads it download, and nobody change an issued report', async () => {
    const can = async (name: string, which: Case) => {
      const report = await reportIn(which);
      const token = actors.find((a) => a.name === name)!.token;
      return (await product.ok(VIEWER_CAN, { year: report.year, p: report.provinceId }, token)).annualReport.viewerCan;
    };
    expect(await can('standing board', 'own, saved draft')).toEqual({ edit: true, finalize: true, download: true });
    expect(await can('standing board', 'own, issued')).toEqual({ edit: false, finalize: false, download: true });
    expect(await can('organisation department', 'merged province’s history')).toEqual({
      edit: false,
      finalize: false,
      download: true,
    });
    expect(await can('cadre', 'own, saved draft')).toEqual({ edit: false, finalize: false, download: true });
    expect(await can('central', 'own, saved draft')).toEqual({ edit: false, finalize: false, download: true });

    const issued = await reportIn('own, issued');
    expect(JSON.parse((await attempt('edit', issued, writer)) ?? '{}')).toMatchObject({
      code: 'CONFLICT',
      reason: 'REPORT_FINAL',
    });
  });
});
