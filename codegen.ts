import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['packages/web/src/**/*.{ts,tsx}', '!packages/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'packages/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTimeISO: 'string', SafeInt: 'number' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        avoidOptionals: false,
      },
    },
  },
};

export default config;
