// The token denylist against real Redis, and the users subgraph keeping it whole: a lost denylist is never an empty
// one (tokens are refused until it is restored from PostgreSQL), and a logout Redis missed reaches it later.
import { Redis } from 'ioredis';
import { RedisTokenDenylist } from '@espigon/kit/auth/token-denylist';
import { startSubgraphHarness, type SubgraphHarness } from '@espigon/kit/testing/subgraph-harness';
import { deleteRedisKeys, redisUrl, uniqueName } from '@espigon/kit/testing/test-resources';
import { describeWithRedis } from '@espigon/kit/testing/test-services';
import { usersSubgraph } from '../src/users.subgraph';

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describeWithRedis('RedisTokenDenylist', () => {
  const prefix = `${uniqueName('espigon_denylist')}:`;
  let redis: Redis;
  let run = 0;
  const fresh = () => new RedisTokenDenylist(redis, `${prefix}${run++}:`);

  beforeAll(() => {
    redis = new Redis(redisUrl());
  });

  afterAll(async () => {
    await deleteRedisKeys(prefix);
    redis.disconnect();
  });

  it('cannot answer before it is loaded, not even for a token it holds', async () => {
    const denylist = fresh();
    await denylist.add('a-logged-out-token', 60);
    await expect(denylist.has('a-logged-out-token')).rejects.toThrow('not loaded');
    await expect(denylist.has('any-other-token')).rejects.toThrow('not loaded');
  });

  it('answers from what was restored and added, leaving out revocations that have expired', async () => {
    const denylist = fresh();
    await denylist.restore([
      { jti: 'revoked', expiresAt: minutesFromNow(10) },
      { jti: 'long-expired', expiresAt: minutesFromNow(-10) },
    ]);
    await denylist.add('just-logged-out', 60);
    expect(await denylist.has('revoked')).toBe(true);
    expect(await denylist.has('just-logged-out')).toBe(true);
    expect(await denylist.has('long-expired')).toBe(false);
    expect(await denylist.has('never-revoked')).toBe(false);
  });

  it('loses its marker together with its entries: deleted, it refuses rather than forgets', async () => {
    const denylist = fresh();
    await denylist.restore([{ jti: 'revoked', expiresAt: minutesFromNow(10) }]);
    await redis.del(denylist.key);
    await expect(denylist.has('revoked')).rejects.toThrow('not loaded');
  });

  it('does not trust a restore during which it was emptied again', async () => {
    const denylist = fresh();
    const nonce = await denylist.beginRestore();
    // a logout written after PostgreSQL was read, then lost with everything else
    await denylist.add('logged-out-meanwhile', 60);
    await redis.del(denylist.key);
    expect(await denylist.completeRestore(nonce, [{ jti: 'read-from-postgresql', expiresAt: minutesFromNow(10) }])).toBe(false);
    await expect(denylist.has('logged-out-meanwhile')).rejects.toThrow('not loaded');
    // the next pass starts over and completes
    expect(await denylist.completeRestore(await denylist.beginRestore(), [{ jti: 'logged-out-meanwhile', expiresAt: minutesFromNow(10) }])).toBe(
      true,
    );
    expect(await denylist.has('logged-out-meanwhile')).toBe(true);
  });

  it('prunes the entries of tokens expired for longer than the grace, and keeps the rest', async () => {
    const denylist = fresh();
    await denylist.restore([]);
    await denylist.addMany([{ jti: 'live', expiresAt: minutesFromNow(10) }]);
    // as if written while the tokens were valid: one expired long ago, one a minute ago (a slow clock may still take it)
    await redis.hset(denylist.key, 'long-expired', String(minutesFromNow(-10).getTime()), 'just-expired', String(minutesFromNow(-1).getTime()));
    expect(await denylist.prune()).toBe(1);
    expect(await denylist.has('live')).toBe(true);
    expect(await denylist.has('just-expired')).toBe(true);
    expect(await denylist.has('long-expired')).toBe(false);
    expect(await denylist.isLoaded()).toBe(true);
  });
});

describeWithRedis('the users subgraph keeps the denylist whole', () => {
  let users: SubgraphHarness;
  const password = 'Pescado-fresco-2026';
  let counter = 0;

  const signUp = async () => {
    const email = `denylist.${Date.now().toString(36)}.${counter++}@test.espigon.ec`;
    const result = await users.gql<{ register: { accessToken: string; refreshToken: string } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken } }',
      { input: { email, password, name: 'Ana Cedeño', role: 'CLIENT' } },
    );
    return result.data!.register;
  };
  const me = (token: string) => users.gql<{ me: { id: string } | null }>('{ me { id } }', {}, token);
  const logout = (token: string) => users.gql<{ logout: boolean }>('mutation { logout }', {}, token);

  /** The codes `me` answers with, polled until `until` comes (bounded). */
  async function codesUntil(token: string, until: string): Promise<Set<string>> {
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 100; attempt++) {
      const answer = await me(token);
      const code = String(answer.errors?.[0]?.extensions?.code ?? 'ACCEPTED');
      seen.add(code);
      if (code === until) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return seen;
  }

  beforeAll(async () => {
    users = await startSubgraphHarness(usersSubgraph, { env: { DENYLIST_CHECK_INTERVAL_MS: '100' } });
  });

  afterAll(async () => {
    await users?.stop();
  });

  it('restores every logout from PostgreSQL after Redis lost the denylist, refusing tokens meanwhile', async () => {
    const loggedOut = await signUp();
    const active = await signUp();
    expect((await logout(loggedOut.accessToken)).data).toEqual({ logout: true });
    const redis = new Redis(redisUrl());
    try {
      await redis.del(`${users.redisPrefix}denylist`);
    } finally {
      redis.disconnect();
    }
    const seen = await codesUntil(loggedOut.accessToken, 'UNAUTHENTICATED');
    expect([...seen].every((code) => code === 'SERVICE_UNAVAILABLE' || code === 'UNAUTHENTICATED')).toBe(true);
    expect(seen.has('UNAUTHENTICATED')).toBe(true);
    expect((await me(active.accessToken)).data?.me).not.toBeNull();
  });

  it('puts a logout that Redis could not take on the denylist once Redis answers', async () => {
    const session = await signUp();
    const denylist = users.service.runtime.denylist as RedisTokenDenylist;
    jest.spyOn(denylist, 'add').mockRejectedValueOnce(new Error('Command timed out'));
    const refused = await logout(session.accessToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const seen = await codesUntil(session.accessToken, 'UNAUTHENTICATED');
    expect(seen.has('UNAUTHENTICATED')).toBe(true);
    // the refresh token died with the session in the same transaction
    const refresh = await users.gql('mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: session.refreshToken });
    expect(refresh.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
