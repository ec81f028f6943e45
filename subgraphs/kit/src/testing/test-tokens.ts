// Access tokens for tests that start a subgraph alone: signed with the development key pair of a data folder, in the
// shape the users subgraph issues, so no test needs another subgraph's code to sign in.
import { createPrivateKey, randomUUID } from 'node:crypto';
import { signAccessToken, type Role } from '../auth/access-token';
import { loadOrCreateDevelopmentKeys } from '../auth/signing-keys';

export function testTokenSigner(dataDir: string, settings = { issuer: 'espigon-users', audience: 'espigon-api' }) {
  const privateKey = createPrivateKey(loadOrCreateDevelopmentKeys(dataDir).privateKey);
  return (role: Role, userId: string, ttlSeconds = 900): string =>
    signAccessToken(privateKey, { userId, role, sessionId: randomUUID() }, { ...settings, ttlSeconds });
}
