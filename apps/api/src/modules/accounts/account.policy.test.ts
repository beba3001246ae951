import { Role } from '../../shared/access';
import { startTestProduct, type TestProduct } from '../../../test/harness';
import { OfferCheck } from '../../../test/offers';
import { buildUser, inProvince, provinceIdOf } from '../../../test/factories';

type Action = 'activate' | 'deactivate';
const ACTIONS: Action[] = ['activate', 'deactivate'];

/** Whose account: another one of the province (open or locked), one's own, another province's, a merged province's. */
const TARGETS = ['colleague, open', 'colleague, locked', 'own account', 'another province', 'merged province'] as const;
type Target = (typeof TARGETS)[number];

const ACCOUNTS = `query { accounts(first: 100) { nodes { id viewerCan { activate deactivate } } } }`;
const SET = `mutation ($id: ID!, $active: Boolean!) { setAccountActive(id: $id, active: $active) { id active } }`;

describe('an account’s viewerCan is exactly what setAccountActive allows', () => {
  let product: TestProduct;
  let ldg: number;
  let hni: number;
  let btn: number;
  const actors: Array<{ name: string; token: string; id: string }> = [];

  beforeAll(async () => {
    product = await startTestProduct();
    ldg = await provinceIdOf(product.owner, 'LDG');
    hni = await provinceIdOf(product.owner, 'HNI');
    btn = await provinceIdOf(product.owner, 'BTN');
    const account = async (name: string, role: Role, provinceId = ldg) => {
      const user = await buildUser(product.owner, { role, provinceId });
      actors.push({ name, id: user.id, token: await product.login(user.username) });
    };
    await account('organisation department', Role.PROVINCE_ADMIN);
    await account('standing board', Role.STANDING_BOARD);
    await account('cadre', Role.CADRE);
    await account('central', Role.CENTRAL);
    await account('another province’s organisation department', Role.PROVINCE_ADMIN, hni);
  });
  afterAll(() => product.stop());

  /** The account the case is about: a fresh one, or the actor's own. */
  const accountFor = async (target: Target, actorId: string): Promise<string> => {
    if (target === 'own account') return actorId;
    const provinceId = target === 'another province' ? hni : target === 'merged province' ? btn : ldg;
    const user = await buildUser(product.owner, { role: Role.CADRE, provinceId });
    if (target === 'colleague, locked') {
      await inProvince(product.owner, ldg, () =>
        product.owner.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]),
      );
    }
    return user.id;
  };

  it.each(ACTIONS)('%s: offered exactly when it succeeds, for every role and account', async (action) => {
    const check = new OfferCheck();
    for (const actor of actors) {
      for (const target of TARGETS) {
        const id = await accountFor(target, actor.id);
        const read = await product.gql(ACCOUNTS, {}, actor.token);
        const nodes = (read.data?.accounts?.nodes ?? []) as Array<{ id: string; viewerCan: Record<Action, boolean> }>;
        const can = nodes.find((n) => n.id === id)?.viewerCan[action] ?? false;
        const res = await product.gql(SET, { id, active: action === 'activate' }, actor.token);
        check.record(`${actor.name} @ ${target}`, can, OfferCheck.refusal(res));
      }
    }
    check.verify();
  });

  it('never offers the organisation department to lock its own account', async () => {
    const admin = actors[0];
    const { me } = await product.ok<{ me: { viewerCan: Record<Action, boolean> } }>(
      '{ me { viewerCan { activate deactivate } } }',
      {},
      admin.token,
    );
    expect(me.viewerCan).toEqual({ activate: true, deactivate: false });
    const refused = await product.gql(SET, { id: admin.id, active: false }, admin.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CANNOT_DEACTIVATE_SELF' });
  });
});
