import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents come from the committed schema file the API emits, never from a live server.
const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { LocalDate: 'string', DateTimeISO: 'string' },
      },
    },
  },
};

// graphql-codegen requires a default export for its config.
export default config;
