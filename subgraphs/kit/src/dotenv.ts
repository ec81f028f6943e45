// `.env` in the working folder, when there is one, fills in the variables the environment does not set (the
// environment always wins). Read by the entry points only (npm start, one service alone, the gateway alone); the test
// support turns it off (ESPIGON_DOTENV=off) so a developer's .env never leaks into a test market.
import { existsSync } from 'node:fs';

export function loadDotEnv(path = '.env'): boolean {
  if (process.env.ESPIGON_DOTENV === 'off' || !existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}
