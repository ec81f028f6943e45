import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// in a process of its own: jest gives each test file its own process.env, which Node's loadEnvFile does not write to
function loadIn(file: string, env: NodeJS.ProcessEnv): { loaded: boolean; a?: string; b?: string } {
  const script = `const { loadDotEnv } = require(${JSON.stringify(resolve(__dirname, 'dotenv.ts'))});
    const loaded = loadDotEnv(${JSON.stringify(file)});
    console.log(JSON.stringify({ loaded, a: process.env.ESPIGON_T_A, b: process.env.ESPIGON_T_B }));`;
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  return JSON.parse(run.stdout.trim());
}

describe('loadDotEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'espigon-dotenv-'));
  const file = join(dir, '.env');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills in what the environment does not set, and never overrides it', () => {
    writeFileSync(file, 'ESPIGON_T_A=from-file   # a comment\nESPIGON_T_B=from-file\n');
    expect(loadIn(file, { ESPIGON_T_B: 'from-environment' })).toEqual({ loaded: true, a: 'from-file', b: 'from-environment' });
  });

  it('does nothing without a file, or when turned off (test markets)', () => {
    expect(loadIn(join(dir, 'missing.env'), {})).toEqual({ loaded: false });
    writeFileSync(file, 'ESPIGON_T_A=from-file\n');
    expect(loadIn(file, { ESPIGON_DOTENV: 'off' })).toEqual({ loaded: false });
  });
});
