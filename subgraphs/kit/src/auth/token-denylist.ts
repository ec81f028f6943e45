// Access tokens revoked before their expiry (logout); every subgraph consults it when it checks a token.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { BroadcastChannel } from 'node:worker_threads';

export interface TokenDenylist {
  add(jti: string, ttlSeconds: number): Promise<void>;
  /** Throws when the answer cannot be trusted (store unreachable, or emptied and not yet restored). */
  has(jti: string): Promise<boolean>;
}

export interface RevokedToken {
  jti: string;
  expiresAt: Date;
}

/**
 * How long a revocation is kept after its token expired: a subgraph whose clock runs behind still takes the token
 * for that long, so forgetting the revocation at the exact expiry could let it through there.
 */
export const REVOCATION_GRACE_MS = 5 * 60_000;

/** Hash fields that are not token ids (a jti is a UUID, so it can never start with "!"). */
const LOADED_FIELD = '!loaded';
const RESTORING_FIELD = '!restoring';

/**
 * Writes the revocations read from PostgreSQL and the "loaded" marker only if the hash still holds this pass's
 * nonce, i.e. it was not emptied between the start of the pass and now (a logout in that gap may have been lost
 * with it and is not in what the pass read). ARGV: nonce, marker value, then jti / expiry (ms) pairs.
 */
const COMPLETE_RESTORE = `
if redis.call('HGET', KEYS[1], '${RESTORING_FIELD}') ~= ARGV[1] then return 0 end
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('HDEL', KEYS[1], '${RESTORING_FIELD}')
redis.call('HSET', KEYS[1], '${LOADED_FIELD}', ARGV[2])
return 1`;

/** Removes the entries whose token expired before ARGV[1] (ms): hash fields have no TTL of their own before Redis 7.4. */
const PRUNE = `
local now = tonumber(ARGV[1])
local entries = redis.call('HGETALL', KEYS[1])
local removed = 0
for i = 1, #entries, 2 do
  local field, expiry = entries[i], tonumber(entries[i + 1])
  if string.sub(field, 1, 1) ~= '!' and expiry and expiry <= now then
    redis.call('HDEL', KEYS[1], field)
    removed = removed + 1
  end
end
return removed`;

/**
 * Redis is not the record of revocations (PostgreSQL is, in the users subgraph): a Redis that restarts empty would
 * forget every logout. So the denylist counts only while its "loaded" marker exists; the users subgraph writes the
 * marker after restoring every unexpired revocation, and until then no token is trusted.
 *
 * The marker and the entries are fields of ONE hash (`<prefix>denylist`), so they are lost together or not at all:
 * a restart, a FLUSHDB, an eviction or a deletion by pattern cannot leave the marker standing without the entries
 * it vouches for, as separate keys could.
 */
export class RedisTokenDenylist implements TokenDenylist {
  readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = `${prefix}denylist`;
  }

  async add(jti: string, ttlSeconds: number): Promise<void> {
    await this.redis.hset(this.key, jti, String(Date.now() + Math.max(1, Math.ceil(ttlSeconds)) * 1000));
  }

  /** Writes revocations again (idempotent), e.g. ones recorded in PostgreSQL while Redis could not take them. */
  async addMany(revoked: readonly RevokedToken[]): Promise<void> {
    const entries = unexpiredEntries(revoked);
    if (entries.length) await this.redis.hset(this.key, ...entries);
  }

  /** One round trip: the marker and the token's entry together. */
  async has(jti: string): Promise<boolean> {
    const [loaded, revoked] = await this.redis.hmget(this.key, LOADED_FIELD, jti);
    if (loaded === null) throw new Error('token denylist not loaded');
    return revoked !== null;
  }

  async isLoaded(): Promise<boolean> {
    return (await this.redis.hexists(this.key, LOADED_FIELD)) === 1;
  }

  /**
   * First half of a restore, called before the revocations are read from PostgreSQL: leaves a nonce in the hash,
   * which completeRestore requires to still be there.
   */
  async beginRestore(): Promise<string> {
    const nonce = randomUUID();
    await this.redis.hset(this.key, RESTORING_FIELD, nonce);
    return nonce;
  }

  /** Writes every unexpired revocation, then the marker, atomically; false when the hash was emptied meanwhile. */
  async completeRestore(nonce: string, revoked: readonly RevokedToken[]): Promise<boolean> {
    const done = await this.redis.eval(COMPLETE_RESTORE, 1, this.key, nonce, new Date().toISOString(), ...unexpiredEntries(revoked));
    return done === 1;
  }

  /** Both halves at once, for a store nobody has logged out of yet (a subgraph tested alone). */
  async restore(revoked: readonly RevokedToken[]): Promise<void> {
    if (!(await this.completeRestore(await this.beginRestore(), revoked))) throw new Error('token denylist emptied during restore');
  }

  /** Drops entries of tokens that have expired anyway (by more than the grace); returns how many. */
  async prune(): Promise<number> {
    return Number(await this.redis.eval(PRUNE, 1, this.key, String(Date.now() - REVOCATION_GRACE_MS)));
  }
}

/** jti / expiry (ms since the epoch) pairs, as the hash holds them, of revocations still worth keeping. */
function unexpiredEntries(revoked: readonly RevokedToken[]): string[] {
  const keepAfter = Date.now() - REVOCATION_GRACE_MS;
  return revoked.filter((r) => r.expiresAt.getTime() > keepAfter).flatMap((r) => [r.jti, String(r.expiresAt.getTime())]);
}

/** In-process store for the embedded mode, shared by every service running in this process. */
export class MemoryTokenDenylist implements TokenDenylist {
  private static readonly shared = new Map<string, number>();
  /**
   * The process's threads share it: `npm start` runs the gateway in a worker thread of its own, and a logout the
   * users subgraph records must end that token's WebSocket connections there too. A thread that joins asks the others
   * for what they hold.
   */
  private static channel?: BroadcastChannel;

  constructor() {
    MemoryTokenDenylist.join();
  }

  async add(jti: string, ttlSeconds: number): Promise<void> {
    const until = Date.now() + ttlSeconds * 1000;
    MemoryTokenDenylist.shared.set(jti, until);
    MemoryTokenDenylist.channel?.postMessage({ type: 'add', entries: [[jti, until]] });
    this.sweep();
  }

  async has(jti: string): Promise<boolean> {
    const until = MemoryTokenDenylist.shared.get(jti);
    return until !== undefined && until > Date.now();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [jti, until] of MemoryTokenDenylist.shared) if (until <= now) MemoryTokenDenylist.shared.delete(jti);
  }

  private static join(): void {
    if (MemoryTokenDenylist.channel) return;
    const channel = new BroadcastChannel('espigon:token-denylist');
    MemoryTokenDenylist.channel = channel;
    channel.onmessage = (event) => {
      const message = (event as { data: { type: string; entries?: [string, number][] } }).data;
      if (message.type === 'add') for (const [jti, until] of message.entries ?? []) MemoryTokenDenylist.shared.set(jti, until);
      else if (message.type === 'sync' && MemoryTokenDenylist.shared.size) {
        channel.postMessage({ type: 'add', entries: [...MemoryTokenDenylist.shared] });
      }
    };
    // it never keeps a process (or a test) alive on its own
    channel.unref();
    channel.postMessage({ type: 'sync' });
  }
}
