import { z } from 'zod';
import { ConfigError, loadConfig, serviceConfigSchema } from './config';

const schema = serviceConfigSchema.extend({ PORT: z.coerce.number().int().min(0).max(65535).default(4999) });

describe('loadConfig', () => {
  it('applies defaults and coerces numbers and booleans', () => {
    const config = loadConfig(schema, { PORT: '4100', SEED_DEMO_DATA: 'true' });
    expect(config).toMatchObject({ PORT: 4100, SEED_DEMO_DATA: true, NODE_ENV: 'development', REDIS_KEY_PREFIX: 'espigon:' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(schema, { DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable at once', () => {
    const error = (() => {
      try {
        loadConfig(schema, { PORT: 'ninety', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect(error.message).toContain('PORT: invalid');
  });

  it('requires the secrets in production, with no fallback', () => {
    expect(() => loadConfig(schema, { NODE_ENV: 'production' }, ['EXTRA_SECRET'])).toThrow(
      /DATABASE_URL: missing[\s\S]*REDIS_URL: missing[\s\S]*JWT_PUBLIC_KEY: missing[\s\S]*INTERNAL_SERVICE_TOKEN: missing/,
    );
    const complete = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/espigon',
      REDIS_URL: 'redis://cache:6379',
      JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----',
      INTERNAL_SERVICE_TOKEN: 'a-shared-secret-of-at-least-32-characters',
    };
    expect(loadConfig(schema, complete).NODE_ENV).toBe('production');
  });
});
