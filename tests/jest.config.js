const fs = require('node:fs');

// The browser tests drive Debian's Chromium. Where it is not installed (a newcomer's machine), they are
// left out with a notice; CI installs it and must run them.
const CHROMIUM = '/usr/bin/chromium';
const browserAvailable = fs.existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!browserAvailable) {
  process.stdout.write(`\n${CHROMIUM} not found: browser tests not run (install it with: apt-get install chromium)\n\n`);
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(browserAvailable ? [] : ['/browser/'])],
  passWithNoTests: !browserAvailable,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
};
