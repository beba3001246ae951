/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'jsdom',
  // Ant Design's forms under jsdom are slow on a busy two-core machine; no test waits on time itself.
  testTimeout: 20_000,
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Some antd dependencies ship only ES modules (their `es/` folders): compile those too.
  transformIgnorePatterns: ['/node_modules/(?!.*/es/)'],
  // The first pattern that matches wins: stylesheets first, whatever path they are imported by.
  moduleNameMapper: {
    '\\.css$': '<rootDir>/src/test/styleStub.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    // Jest runs CommonJS: use antd's CommonJS build where the app imports the ES one.
    '^antd/es/(.*)$': 'antd/lib/$1',
  },
};

// Jest requires its config as the module's default export.
export default config;
