// Flow 1 of docs/architecture.md through the gateway: register, login, me, refresh rotation and reuse, logout, and every refusal.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { LoginMutation, LogoutMutation, MeQuery, RefreshTokenMutation, RegisterMutation, UserQuery, UsersQuery } from './operations/users.operations';
import { demoAccounts } from '@espigon/users/seed/demo-accounts';
import { demo, errorCode, execute, ok, uniqueEmail } from './support/client';

const password = 'Pescado-fresco-2026';

async function registerClient(email = uniqueEmail('client')) {
  const { register } = await ok(RegisterMutation, { input: { email, password, name: 'Ana Cedeño', role: 'CLIENT', phone: '+593 99 000 1111' } });
  return register;
}

const devPrivateKey = () => readFileSync(join(process.env.ESPIGON_TEST_DATA_DIR!, 'keys', 'jwt-es256.private.pem'), 'utf8');

describe('registration', () => {
  it('registers a client who can then ask who they are', async () => {
    const email = uniqueEmail('Client').replace('client', 'Client');
    const session = await registerClient(email);
    expect(session.user).toMatchObject({ email: email.toLowerCase(), role: 'CLIENT', sellerProfile: null });
    expect(session.expiresIn).toBeLessThanOrEqual(900);
    const { me } = await ok(MeQuery, {}, { token: session.accessToken });
    expect(me).toEqual({ id: session.user.id, name: 'Ana Cedeño', role: 'CLIENT', email: email.toLowerCase() });
  });

  it('registers a seller with a stall', async () => {
    const { register } = await ok(RegisterMutation, {
      input: { email: uniqueEmail('seller'), password, name: 'Jacinto Pin', role: 'SELLER', stallName: 'Pesca Jacinto', pierSection: 'Muelle C' },
    });
    expect(register.user.sellerProfile).toEqual({ stallName: 'Pesca Jacinto', pierSection: 'Muelle C' });
  });

  it('refuses a seller without a stall name', async () => {
    const result = await execute(RegisterMutation, { input: { email: uniqueEmail(), password, name: 'Sin Puesto', role: 'SELLER' } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('stallName');
  });

  it('refuses to register an ADMIN', async () => {
    const result = await execute(RegisterMutation, { input: { email: uniqueEmail(), password, name: 'Mallory', role: 'ADMIN' } });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('refuses a duplicate email, whatever its case', async () => {
    const email = uniqueEmail('dup');
    await registerClient(email);
    const result = await execute(RegisterMutation, { input: { email: email.toUpperCase(), password, name: 'Otra', role: 'CLIENT' } });
    expect(errorCode(result)).toBe('CONFLICT');
  });

  it.each([
    ['too short', 'Corto1'],
    ['no digits', 'solamente-letras'],
    ['no letters', '1234567890123'],
  ])('refuses a weak password (%s)', async (_case, weak) => {
    const result = await execute(RegisterMutation, { input: { email: uniqueEmail(), password: weak, name: 'Débil', role: 'CLIENT' } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('password');
  });

  it('refuses an invalid email', async () => {
    const result = await execute(RegisterMutation, { input: { email: 'no-es-un-correo', password, name: 'X', role: 'CLIENT' } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });
});

describe('login', () => {
  it('logs in a seeded seller', async () => {
    const rosa = demo('rosa@espigon.ec');
    const { login } = await ok(LoginMutation, { email: rosa.email, password: rosa.password });
    expect(login.user).toMatchObject({ name: rosa.name, role: 'SELLER' });
    const { me } = await ok(MeQuery, {}, { token: login.accessToken });
    expect(me?.role).toBe('SELLER');
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const session = await registerClient();
    const wrong = await execute(LoginMutation, {
      email: (await ok(MeQuery, {}, { token: session.accessToken })).me!.email,
      password: 'Incorrecta-123',
    });
    const unknown = await execute(LoginMutation, { email: uniqueEmail('nobody'), password: 'Incorrecta-123' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('answers me with null when anonymous', async () => {
    expect(await ok(MeQuery)).toEqual({ me: null });
  });
});

describe('access tokens the subgraphs refuse', () => {
  const claims = (userId: string) => ({ role: 'ADMIN', sub: userId, iss: 'espigon-users', aud: 'espigon-api', jti: 'forged' });

  async function expectRefused(token: string, message?: RegExp) {
    const result = await execute(MeQuery, {}, { token });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    if (message) expect(result.errors?.[0].message).toMatch(message);
  }

  it('refuses an expired token', async () => {
    const session = await registerClient();
    const expired = jwt.sign({ ...claims(session.user.id), role: 'CLIENT', exp: Math.floor(Date.now() / 1000) - 60 }, devPrivateKey(), {
      algorithm: 'ES256',
      header: { alg: 'ES256', typ: 'at+jwt' },
    });
    await expectRefused(expired, /expired/);
  });

  it('refuses a tampered token (role changed, signature kept)', async () => {
    const session = await registerClient();
    const [header, payload, signature] = session.accessToken.split('.');
    const altered = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN' };
    await expectRefused(`${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`);
  });

  it('refuses alg: none', async () => {
    const session = await registerClient();
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...claims(session.user.id), exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await expectRefused(`${header}.${body}.`);
  });

  it('refuses a token signed with another key', async () => {
    const session = await registerClient();
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const forged = jwt.sign(claims(session.user.id), privateKey, { algorithm: 'ES256', header: { alg: 'ES256', typ: 'at+jwt' }, expiresIn: 600 });
    await expectRefused(forged);
  });

  it('refuses an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const session = await registerClient();
    const publicKey = readFileSync(join(process.env.ESPIGON_TEST_DATA_DIR!, 'keys', 'jwt-es256.public.pem'));
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'at+jwt' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...claims(session.user.id), exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    const { createHmac } = await import('node:crypto');
    const signature = createHmac('sha256', publicKey).update(`${header}.${body}`).digest('base64url');
    await expectRefused(`${header}.${body}.${signature}`);
  });

  it('refuses a refresh token used as an access token', async () => {
    const session = await registerClient();
    await expectRefused(session.refreshToken);
  });

  it('refuses a malformed Authorization header', async () => {
    const result = await execute(MeQuery, {}, { headers: { authorization: 'Token abc' } });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  });
});

describe('refresh tokens', () => {
  it('rotates on every use', async () => {
    const session = await registerClient();
    const { refreshToken: next } = await ok(RefreshTokenMutation, { refreshToken: session.refreshToken });
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(next.user.id).toBe(session.user.id);
    const { me } = await ok(MeQuery, {}, { token: next.accessToken });
    expect(me?.id).toBe(session.user.id);
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    const session = await registerClient();
    const first = (await ok(RefreshTokenMutation, { refreshToken: session.refreshToken })).refreshToken;
    const reuse = await execute(RefreshTokenMutation, { refreshToken: session.refreshToken });
    expect(errorCode(reuse)).toBe('UNAUTHENTICATED');
    // the token issued by the legitimate rotation is dead too: the thief and the owner both log in again
    const afterReuse = await execute(RefreshTokenMutation, { refreshToken: first.refreshToken });
    expect(errorCode(afterReuse)).toBe('UNAUTHENTICATED');
  });

  it('refuses an access token presented as a refresh token, and garbage', async () => {
    const session = await registerClient();
    expect(errorCode(await execute(RefreshTokenMutation, { refreshToken: session.accessToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await execute(RefreshTokenMutation, { refreshToken: 'not-a-token' }))).toBe('UNAUTHENTICATED');
  });
});

describe('logout', () => {
  it('stops the access token at once and revokes the refresh token', async () => {
    const session = await registerClient();
    expect(await ok(LogoutMutation, { refreshToken: session.refreshToken }, { token: session.accessToken })).toEqual({ logout: true });
    const me = await execute(MeQuery, {}, { token: session.accessToken });
    expect(errorCode(me)).toBe('UNAUTHENTICATED');
    expect(me.errors?.[0].message).toMatch(/revoked/);
    expect(errorCode(await execute(RefreshTokenMutation, { refreshToken: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('needs a session', async () => {
    expect(errorCode(await execute(LogoutMutation, {}))).toBe('UNAUTHENTICATED');
  });
});

describe("who sees a user's email, phone and role", () => {
  const rosa = demo('rosa@espigon.ec');
  const carmen = demo('carmen@example.ec');
  const login = async (email: string, pass: string) => (await ok(LoginMutation, { email, password: pass })).login.accessToken;

  it("shows a seller's business contact to anyone, by query and through another subgraph's reference", async () => {
    expect((await ok(UserQuery, { id: rosa.id })).user).toMatchObject({ email: rosa.email, phone: rosa.phone, role: 'SELLER' });
    // Product.seller comes from catalog and is resolved by the users subgraph (_entities): the same rule holds there
    const page = await ok<
      { products: { edges: { node: { seller: { id: string; email: string; phone: string | null; role: string } } }[] } },
      unknown
    >('{ products(first: 5) { edges { node { seller { id email phone role } } } } }');
    expect(page.products.edges.length).toBeGreaterThan(0);
    for (const { node } of page.products.edges) expect(node.seller).toMatchObject({ email: expect.stringContaining('@'), role: 'SELLER' });
  });

  it("shows a client's email, phone and role to themselves and administrators only", async () => {
    const own = await registerClient();
    const mine = await ok(UserQuery, { id: own.user.id }, { token: own.accessToken });
    expect(mine.user).toMatchObject({ email: expect.any(String), phone: '+593 99 000 1111', role: 'CLIENT' });

    const admin = demo('admin@espigon.ec');
    const asAdmin = await ok(UserQuery, { id: carmen.id }, { token: await login(admin.email, admin.password) });
    expect(asAdmin.user).toMatchObject({ email: carmen.email, phone: carmen.phone, role: 'CLIENT' });

    // another client, or nobody, gets null: the same answer as for an id that does not exist
    expect(await execute(UserQuery, { id: carmen.id }, { token: own.accessToken })).toEqual({ status: 200, data: { user: null } });
    expect(await execute(UserQuery, { id: carmen.id })).toEqual({ status: 200, data: { user: null } });
    expect(await execute(UserQuery, { id: '6f1c7a1e-0000-4000-8000-00000000ffff' }, { token: own.accessToken })).toEqual({
      status: 200,
      data: { user: null },
    });
  });
});

describe('users (admin list)', () => {
  const admin = demo('admin@espigon.ec');

  it('pages through every account without gaps or repeats', async () => {
    const { login } = await ok(LoginMutation, { email: admin.email, password: admin.password });
    const ours = (await Promise.all([registerClient(), registerClient(), registerClient()])).map((s) => s.user.id);
    const seen: string[] = [];
    const totals: number[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 100; page++) {
      const {
        users,
      }: { users: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } } =
        await ok(UsersQuery, { first: 2, after }, { token: login.accessToken });
      totals.push(users.totalCount);
      seen.push(...users.edges.map((e) => e.node.id));
      if (!users.pageInfo.hasNextPage) break;
      after = users.pageInfo.endCursor;
    }
    // other test files sign up on the shared market meanwhile (those newer than the first page are not seen), so the
    // accounts that existed before paging began are the ones that must all be there, once
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([...demoAccounts.map((a) => a.id), ...ours]));
    expect(seen.length).toBeLessThanOrEqual(totals[totals.length - 1]);
  });

  it('filters by role', async () => {
    const { login } = await ok(LoginMutation, { email: admin.email, password: admin.password });
    const { users } = await ok(UsersQuery, { first: 50, role: 'SELLER' }, { token: login.accessToken });
    expect(users.edges.length).toBeGreaterThanOrEqual(3);
    expect(users.edges.every((e) => e.node.role === 'SELLER')).toBe(true);
  });

  it('is for admins only, and checks its arguments', async () => {
    const client = await registerClient();
    expect(errorCode(await execute(UsersQuery, { first: 5 }, { token: client.accessToken }))).toBe('FORBIDDEN');
    expect(errorCode(await execute(UsersQuery, { first: 5 }))).toBe('UNAUTHENTICATED');
    const { login } = await ok(LoginMutation, { email: admin.email, password: admin.password });
    expect(errorCode(await execute(UsersQuery, { first: 101 }, { token: login.accessToken }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await execute(UsersQuery, { first: 5, after: 'bm9wZQ' }, { token: login.accessToken }))).toBe('BAD_USER_INPUT');
  });
});
