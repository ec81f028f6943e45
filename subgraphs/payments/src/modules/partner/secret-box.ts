// Partner signing secrets at rest: AES-256-GCM with PARTNER_SECRETS_KEY (generated into DATA_DIR outside production).
// Signing a webhook needs the secret itself, so it cannot be hashed like a password; a stolen database alone does
// not give it away.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('PARTNER_SECRETS_KEY must be 32 bytes (base64)');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/** The configured key, or (outside production) one generated once into DATA_DIR/keys. */
export function resolveSecretsKey(configured: string | undefined, nodeEnv: string, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  if (nodeEnv === 'production') throw new Error('PARTNER_SECRETS_KEY is required in production');
  const dir = join(dataDir, 'keys');
  const path = join(dir, 'partner-secrets.key');
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // another service of the same data folder wrote it first: use that one
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}
