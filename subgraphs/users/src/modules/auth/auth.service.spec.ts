// Sign-up spends no argon2 work on an attempt that is going to be refused.
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
    ['a seller without a stall', { ...input, role: Role.SELLER }, 'BAD_USER_INPUT'],
    ['an admin signing up', { ...input, role: Role.ADMIN }, 'FORBIDDEN'],
  ])('refuses %s without hashing the password', async (_name, attempt, code) => {
    await expect(service.register(emailTaken, attempt)).rejects.toMatchObject({ extensions: { code } });
    expect(hashes).toEqual([]);
  });
});
