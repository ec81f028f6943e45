// Workspace boundaries (npm workspaces: @espigon/kit, the subgraphs, the gateway). Style is left to the formatter;
// what this guards is structure: a subgraph or the gateway uses the kit through its package name and never another
// subgraph's code, and no file climbs into another workspace's sources with a relative path.
import tseslint from 'typescript-eslint';

const climbIntoWorkspace = {
  regex: String.raw`^(\.\.?/)+(.*/)?(kit|users|catalog|orders|payments|reports|assistant|gateway)/src(/|$)`,
  message: 'Import another workspace by its package name (@espigon/kit/…), not by a relative path into its sources.',
};
const otherThanKit = {
  regex: String.raw`^@espigon/(?!kit/)`,
  message: 'A workspace uses only the kit (@espigon/kit/…): a subgraph never imports another subgraph or the gateway.',
};

const kitOrTheMcpServer = {
  regex: String.raw`^@espigon/(?!kit/|assistant/mcp/mcp-http-router$)`,
  message: 'The gateway uses only the kit (@espigon/kit/…) and the MCP server it mounts (@espigon/assistant/mcp/mcp-http-router).',
};

export default [
  { ignores: ['**/node_modules/**', '.data/**', '**/dist/**', 'e2e/__generated__/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    // the plugin is loaded so the code's eslint-disable comments name known rules; only the rules below are on
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: { 'no-restricted-imports': ['error', { patterns: [climbIntoWorkspace] }] },
  },
  {
    files: ['subgraphs/**/*.ts', 'gateway/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbIntoWorkspace, otherThanKit] }] },
  },
  {
    // the one exception: the gateway serves the assistant's MCP server (clients reach only the gateway), and only that
    files: ['gateway/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbIntoWorkspace, kitOrTheMcpServer] }] },
  },
];
