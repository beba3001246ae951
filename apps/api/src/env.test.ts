import { loadEnv } from './env';

describe('environment', () => {
  it('refuses to start in production with the development secrets', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production/);
    expect(() => loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/APP_DB_PASSWORD/);
    expect(loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), APP_DB_PASSWORD: 'a-real-password' }).NODE_ENV).toBe(
      'production',
    );
  });

  it('has no signing key of its own: unset outside production, the server makes one for its data folder', () => {
    expect(loadEnv({}).JWT_SECRET).toBeUndefined();
    expect(loadEnv({ NODE_ENV: 'test' }).JWT_SECRET).toBeUndefined();
  });

  it('names the bad setting instead of starting with it', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });
});
