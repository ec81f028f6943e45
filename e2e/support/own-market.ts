// A market of a test file's own (its own database, Redis key prefix and data folder), for tests that need other
// settings than the shared one (production mode, tight limits): started as an operator would, dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnMarket, type ChildService, type SpawnOptions } from './processes';
import { createDatabase, deleteRedisKeys, dropDatabase, optionalRedisUrl, uniqueName } from './test-resources';

export interface OwnMarket {
  market: ChildService;
  url: string;
  prefix: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startOwnMarket(tag: string, env: NodeJS.ProcessEnv = {}, options?: SpawnOptions): Promise<OwnMarket> {
  const database = uniqueName(`espigon_${tag}`);
  const prefix = `${database}:`;
  const dataDir = mkdtempSync(join(tmpdir(), `espigon-${tag}-`));
  const cleanUp = async () => {
    await dropDatabase(database);
    await deleteRedisKeys(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const market = await spawnMarket(
      {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: await createDatabase(database),
        REDIS_URL: optionalRedisUrl(),
        REDIS_KEY_PREFIX: prefix,
        DATA_DIR: dataDir,
        GATEWAY_PORT: '0',
        SUBGRAPH_PORTS: 'auto',
        SEED_DEMO_DATA: 'true',
        ...env,
      },
      join(dataDir, 'market.log'),
      options,
    );
    return {
      market,
      url: market.gatewayUrl,
      prefix,
      dataDir,
      stop: async () => {
        try {
          await market.stop();
        } finally {
          await cleanUp();
        }
      },
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}
