import { startTestProduct, type TestProduct } from '../harness';

/** Production as deployed, except the database the tests give it. */
const PRODUCTION = { NODE_ENV: 'production', APP_DB_PASSWORD: 'not-the-development-password' } as const;

describe('/metrics in production', () => {
  const products: TestProduct[] = [];
  afterAll(async () => {
    for (const product of products.reverse()) await product.stop();
  });

  it('is not there without METRICS_TOKEN', async () => {
    const product = await startTestProduct({ env: PRODUCTION });
    products.push(product);
    const res = await fetch(`${product.url}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('graphql_operation_duration_seconds');
  });

  it('answers Prometheus with its bearer token only', async () => {
    const token = 'metrics-token-for-production-01';
    const product = await startTestProduct({ env: { ...PRODUCTION, METRICS_TOKEN: token } });
    products.push(product);
    expect((await fetch(`${product.url}/metrics`)).status).toBe(401);
    const scraped = await fetch(`${product.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('sign_ins_total');
  });
});
