// ES256 key pair for tokens: from configuration, or (outside production) generated once into the data folder.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SigningKeys {
  privateKey: string;
  publicKey: string;
}

/** Creates the development key pair if it does not exist yet; safe when several services race for it. */
export function loadOrCreateDevelopmentKeys(dataDir: string): SigningKeys {
  const dir = join(dataDir, 'keys');
  const privatePath = join(dir, 'jwt-es256.private.pem');
  const publicPath = join(dir, 'jwt-es256.public.pem');
  mkdirSync(dir, { recursive: true });
  try {
    return { privateKey: readFileSync(privatePath, 'utf8'), publicKey: readFileSync(publicPath, 'utf8') };
  } catch {
    const pair = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    try {
      // public first: a reader that finds the private key can rely on the public one being there
      writeFileSync(publicPath, pair.publicKey, { flag: 'wx' });
      writeFileSync(privatePath, pair.privateKey, { flag: 'wx', mode: 0o600 });
      return pair;
    } catch {
      return { privateKey: readFileSync(privatePath, 'utf8'), publicKey: readFileSync(publicPath, 'utf8') };
    }
  }
}

export function resolvePublicKey(configured: string | undefined, nodeEnv: string, dataDir: string): string {
  if (configured) return configured;
  if (nodeEnv === 'production') throw new Error('JWT_PUBLIC_KEY is required in production');
  return loadOrCreateDevelopmentKeys(dataDir).publicKey;
}
