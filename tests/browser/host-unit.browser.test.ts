import { browserSuite, DESKTOP } from '../support/browser';

jest.setTimeout(120_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

/** A GraphQL call from outside the browser, as the given demo account. */
async function gql<T>(query: string, username: string): Promise<T> {
  const post = async (body: unknown, token?: string) => {
    const res = await fetch(`${suite.product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { data: T; errors?: unknown[] };
  };
  const login = await post({
    query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    variables: { u: username, p: 'demo1234' },
  });
  const { token } = (login.data as { login: { token: string } }).login;
  const res = await post({ query }, token);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** What the organisation department knows of Lâm Đồng's cadres that nobody else may read. */
async function personalData(): Promise<string[]> {
  const { cadres } = await gql<{
    cadres: { nodes: Array<{ exemptions: Array<{ note: string }>; account: { username: string } | null }> };
  }>('{ cadres(first: 200) { nodes { exemptions { note } account { username } } } }', 'admin.ldg');
  const secrets = cadres.nodes.flatMap((c) => [...c.exemptions.map((e) => e.note), ...(c.account ? [c.account.username] : [])]);
  // The demo data has exemptions with notes and cadres' accounts: the checks below are not empty.
  expect(secrets).toEqual(expect.arrayContaining(['Điều trị dài ngày sau phẫu thuật.', 'canbo.ldg', 'thuongtruc.ldg']));
  return secrets.filter((s) => s.length > 0);
}

describe('a host unit opening a delegation coming to it', () => {
  it('sees the members’ names and posts, and nothing of their exemptions or accounts', async () => {
    const secrets = await personalData();
    const page = await openPage(DESKTOP);
    const answers: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/graphql' && response.request().method() === 'POST') {
        answers.push('');
        const index = answers.length - 1;
        void response.text().then(
          (text) => (answers[index] = text),
          () => undefined,
        );
      }
    });
    await signIn(page, 'coso.ldg');
    await page.goto(`${suite.product.url}/incoming`);
    await page.getByRole('heading', { name: 'Đoàn công tác sắp đến' }).waitFor();

    // The demo's delegations to this commune: upcoming ones, else those already come.
    const card = page.locator('.trip-card');
    await card.first().or(page.getByText('Chưa có đoàn nào sắp đến.')).waitFor();
    if ((await card.count()) === 0) {
      await page.getByText('Đã đến', { exact: true }).click();
      await card.first().waitFor();
    }
    // A card is one trip or a merged delegation listing its trips: the first trip's link either way.
    const link = card.first().locator('a[href^="/trips/"]').first();
    const title = (await link.innerText()).trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const tripId = new URL(page.url()).pathname.split('/').pop()!;
    const members = page.locator('.ant-descriptions-item').filter({ hasText: 'Thành viên' }).locator('li');
    await members.first().waitFor();
    const shown = await members.allInnerTexts();

    // The same trip asked for every field of its members, with the host's own session.
    const asked = await page.evaluate(async (id) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${localStorage.getItem('coso.token')}` },
        body: JSON.stringify({
          query: `query ($id: ID!) { trip(id: $id) { members { fullName position department { name }
            gender exemptions { kind note } account { username role } } } }`,
          variables: { id },
        }),
      });
      return (await res.json()) as {
        data: { trip: { members: Array<Record<string, unknown> & { fullName: string; position: string }> } };
        errors?: unknown[];
      };
    }, tripId);
    expect(asked.errors).toBeUndefined();
    expect(asked.data.trip.members.length).toBeGreaterThan(0);
    for (const member of asked.data.trip.members) {
      expect(member).toMatchObject({ gender: null, exemptions: null, account: null });
      expect(shown.some((line) => line.includes(member.fullName) && line.includes(member.position))).toBe(true);
    }

    const text = await page.locator('body').innerText();
    const everything = [text, ...answers, JSON.stringify(asked)].join('\n');
    expect(secrets.filter((secret) => everything.includes(secret))).toEqual([]);
    expect(text).not.toMatch(/thai sản|ốm dài hạn|học tập dài hạn|Tên đăng nhập/i);
  });
});
