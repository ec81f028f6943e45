import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { internalTokenMatches, loadOrCreateDevelopmentInternalToken, resolveInternalServiceToken } from './internal-credential';

describe('internal service credential', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'espigon-credential-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('matches only the exact token', () => {
    expect(internalTokenMatches('s'.repeat(40), 's'.repeat(40))).toBe(true);
    expect(internalTokenMatches('s'.repeat(39), 's'.repeat(40))).toBe(false);
    expect(internalTokenMatches(undefined, 's'.repeat(40))).toBe(false);
    expect(internalTokenMatches('', 's'.repeat(40))).toBe(false);
  });

  it('generates a development token once, readable only by its owner, and reuses it', () => {
    const first = loadOrCreateDevelopmentInternalToken(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateDevelopmentInternalToken(dir)).toBe(first);
    const path = join(dir, 'keys', 'internal-service-token');
    expect(readFileSync(path, 'utf8')).toBe(first);
    expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('prefers the configured token and has no fallback in production', () => {
    expect(resolveInternalServiceToken('c'.repeat(32), 'production', dir)).toBe('c'.repeat(32));
    expect(() => resolveInternalServiceToken(undefined, 'production', dir)).toThrow(/required in production/);
    expect(resolveInternalServiceToken(undefined, 'development', dir)).toBe(loadOrCreateDevelopmentInternalToken(dir));
  });
});
