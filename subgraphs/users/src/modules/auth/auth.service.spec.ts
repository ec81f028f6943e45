// The account doors spend no work (argon2, rate-limiter keys) on attempts that are going to be refused.
import type { EntityManager } from '@espigon/kit/database/orm';
import { MemoryTokenDenylist } from '@espigon/kit/auth/token-denylist';
import { createLogger } from '@espigon/kit/logger';
import { systemContext, type ServiceContext } from '@espigon/kit/server/service-context';
import { Role } from '../user/role.enum';
import { AuthRateLimiter } from './auth-rate-limiter';
import { AuthService } from './auth.service';
import type { PasswordHasher } from './password-hasher';
import type { TokenIssuer } from './token-issuer';

describe('AuthService.register', () => {
  const hashes: string[] = [];
  const hasher = { hash: async (p: string) => (hashes.push(p), 'hash'), verify: async () => false } as unknown as PasswordHasher;
  const limiter = new AuthRateLimiter(
    { failuresPerMinute: 5, failuresPerHour: 100, attemptsPerIpPerMinute: 30, registrationsPerIpPerHour: 1000 },
    { keyPrefix: 'spec:' },
  );
  const service = new AuthService(hasher, {} as TokenIssuer, limiter, new MemoryTokenDenylist());
  const emailTaken: ServiceContext = {
    ...systemContext({ count: async () => 1 } as unknown as EntityManager, createLogger('spec', 'silent')),
    clientIp: '2001:db8::1',
  };
  const input = { email: 'ana@example.ec', password: 'Pescado-fresco-2026', name: 'Ana', role: Role.CLIENT };

  beforeEach(() => {
    hashes.length = 0;
  });

  it.each([
    ['an email already registered', input, 'CONFLICT'],
    ['a bad email', { ...input, email: 'ana@' }, 'BAD_USER_INPUT'],
    ['a weak password', { ...input, password: 'corta' }, 'BAD_USER_INPUT'],
    ['an invisible character in the name', { ...input, name: 'A\u200bna' }, 'BAD_USER_INPUT'],
    ['a name of 121 characters', { ...input, name: 'A'.repeat(121) }, 'BAD_USER_INPUT'],
    ['a 100 KB phone', { ...input, phone: '9'.repeat(100_000) }, 'BAD_USER_INPUT'],
    ['a 900 KB email', { ...input, email: `${'k'.repeat(900_000)}@example.ec` }, 'BAD_USER_INPUT'],
    ['a seller without a stall', { ...input, role: Role.SELLER }, 'BAD_USER_INPUT'],
    ['an admin signing up', { ...input, role: Role.ADMIN }, 'FORBIDDEN'],
  ])('refuses %s without hashing the password', async (_name, attempt, code) => {
    await expect(service.register(emailTaken, attempt)).rejects.toMatchObject({ extensions: { code } });
    expect(hashes).toEqual([]);
  });
});

describe('AuthService.login', () => {
  const verified: string[] = [];
  const hasher = { verify: async (_h: string | undefined, p: string) => (verified.push(p), false) } as unknown as PasswordHasher;
  const keys: string[] = [];
  const limiter = {
    beforeLogin: async (account: string, address: string) => void keys.push(account, address),
  } as unknown as AuthRateLimiter;
  const service = new AuthService(hasher, {} as TokenIssuer, limiter, new MemoryTokenDenylist());
  const ctx: ServiceContext = {
    ...systemContext({ findOne: async () => null } as unknown as EntityManager, createLogger('spec', 'silent')),
    clientIp: '2001:db8::1',
  };

  beforeEach(() => {
    verified.length = 0;
    keys.length = 0;
  });

  it.each([
    ['a 900 KB email', 'k'.repeat(900_000) + '@example.ec', 'Pescado-fresco-2026'],
    ['a 255-character email', `${'a'.repeat(244)}@example.ec`, 'Pescado-fresco-2026'],
    ['a 129-character password', 'ana@example.ec', 'x'.repeat(129)],
  ])('answers %s as a wrong password, before any rate-limiter key or argon2 work', async (_name, email, password) => {
    await expect(service.login(ctx, email, password)).rejects.toMatchObject({
      message: 'Invalid email or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(keys).toEqual([]);
    expect(verified).toEqual([]);
  });

  it('counts an attempt of ordinary length before checking the password', async () => {
    await expect(service.login(ctx, ' Ana@Example.ec ', 'Pescado-fresco-2026')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(keys).toEqual(['ana@example.ec', '2001:db8::1']);
    expect(verified).toEqual(['Pescado-fresco-2026']);
  });
});
