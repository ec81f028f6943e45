// Brute-force brakes on login, through the gateway: per account across requests and inside one request (aliases), per address.
import { LoginMutation, RegisterMutation } from './operations/users.operations';
import { errorCode, execute, ok, randomAddress, uniqueEmail } from './support/client';

const password = 'Langostino-2026';

async function newAccount() {
  const email = uniqueEmail('limited');
  await ok(RegisterMutation, { input: { email, password, name: 'Limitada', role: 'CLIENT' } });
  return email;
}

describe('login rate limits', () => {
  it('blocks an account after 5 failures in separate requests, even with the right password, with a retry hint', async () => {
    const email = await newAccount();
    for (let i = 0; i < 5; i++) {
      expect(errorCode(await execute(LoginMutation, { email, password: `wrong-${i}-password` }, { ip: randomAddress() }))).toBe('UNAUTHENTICATED');
    }
    const blocked = await execute(LoginMutation, { email, password }, { ip: randomAddress() });
    expect(errorCode(blocked)).toBe('TOO_MANY_REQUESTS');
    const retryAfter = blocked.errors?.[0].extensions?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts every aliased attempt inside one request against the address', async () => {
    const email = await newAccount();
    const ip = randomAddress();
    const batch = () =>
      execute<Record<string, { accessToken: string }>, { email: string; password: string }>(
        `mutation Batch($email: String!, $password: String!) {
          ${Array.from({ length: 15 }, (_, i) => `l${i}: login(email: $email, password: $password) { accessToken }`).join('\n')}
        }`,
        { email, password },
        { ip },
      );
    // 30 attempts a minute per address: two batches of 15 pass, the third is refused
    for (let round = 0; round < 2; round++) {
      const result = await batch();
      expect(result.errors).toBeUndefined();
      expect(Object.keys(result.data ?? {})).toHaveLength(15);
    }
    const third = await batch();
    expect(errorCode(third)).toBe('TOO_MANY_REQUESTS');
    // another address is not affected
    expect((await execute(LoginMutation, { email, password }, { ip: randomAddress() })).errors).toBeUndefined();
  });

  it('stops an aliased batch of guesses at the first wrong one, and counts it', async () => {
    const email = await newAccount();
    const guesses = Array.from({ length: 8 }, (_, i) => `g${i}: login(email: $email, password: "wrong-password-${i}") { accessToken }`);
    const result = await execute<Record<string, unknown>, { email: string }>(`mutation Guess($email: String!) { ${guesses.join('\n')} }`, { email });
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([['g0', 'UNAUTHENTICATED']]);
    for (let i = 0; i < 4; i++) {
      expect(errorCode(await execute(LoginMutation, { email, password: `wrong-${i}-again` }, { ip: randomAddress() }))).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await execute(LoginMutation, { email, password }, { ip: randomAddress() }))).toBe('TOO_MANY_REQUESTS');
  });
});
