import { loadEnv } from './env';

describe('environment', () => {
  it('refuses to start in production with the development secrets', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production/);
    expect(() => loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/APP_DB_PASSWORD/);
    expect(loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), APP_DB_PASSWORD: 'a-real-password' }).NODE_ENV).toBe(
      'production',
    );
  });

  it('names the bad setting instead of starting with it', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });
});
