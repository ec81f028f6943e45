import { rmSync } from 'node:fs';
import { deleteRedisKeys, dropDatabase } from './test-resources';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__ESPIGON_MARKET__?.stop();
  await globalThis.__ESPIGON_FAKE_STRIPE__?.close();
  const { ESPIGON_TEST_DATABASE: database, ESPIGON_TEST_REDIS_PREFIX: prefix, ESPIGON_TEST_DATA_DIR: dataDir } = process.env;
  if (database) await dropDatabase(database);
  if (prefix) await deleteRedisKeys(prefix);
  if (dataDir && !process.env.ESPIGON_KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
}
