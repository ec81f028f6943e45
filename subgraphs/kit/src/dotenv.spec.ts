import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDotEnv } from './dotenv';

describe('loadDotEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'espigon-dotenv-'));
  const file = join(dir, '.env');
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of ['ESPIGON_T_A', 'ESPIGON_T_B', 'ESPIGON_DOTENV']) {
      if (key in saved) process.env[key] = saved[key];
      else delete process.env[key];
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills in what the environment does not set, and never overrides it', () => {
    writeFileSync(file, 'ESPIGON_T_A=from-file   # a comment\nESPIGON_T_B=from-file\n');
    process.env.ESPIGON_T_B = 'from-environment';
    expect(loadDotEnv(file)).toBe(true);
    expect([process.env.ESPIGON_T_A, process.env.ESPIGON_T_B]).toEqual(['from-file', 'from-environment']);
  });

  it('does nothing without a file, or when turned off (tests)', () => {
    expect(loadDotEnv(join(dir, 'missing.env'))).toBe(false);
    writeFileSync(file, 'ESPIGON_T_A=from-file\n');
    process.env.ESPIGON_DOTENV = 'off';
    expect(loadDotEnv(file)).toBe(false);
    expect(process.env.ESPIGON_T_A).toBeUndefined();
  });
});
