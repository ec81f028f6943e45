// Typed operations for clients and tests, against the API schema composed in supergraph.graphql.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: { 'supergraph.graphql': { loader: './scripts/api-schema-loader.js' } },
  documents: ['e2e/**/*.ts', 'subgraphs/*/test/**/*.ts', '!e2e/__generated__/**'],
  ignoreNoDocuments: true,
  generates: {
    'e2e/__generated__/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { scalars: { DateTime: 'string' }, enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
