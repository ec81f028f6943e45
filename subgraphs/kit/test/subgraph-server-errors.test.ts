// What a subgraph tells and logs when the database fails: never the SQL or its values (a failed INSERT holds an email
// and a password hash), and a stalled database is SERVICE_UNAVAILABLE, not an internal error.
import { Writable } from 'node:stream';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import pino from 'pino';
import { serviceConfigSchema } from '../src/config';
import type { AccessTokenVerifier } from '../src/auth/access-token';
import type { Orm } from '../src/database/orm';
import { startSubgraphServer } from '../src/server/subgraph-server';

const secretSql = `insert into "users"."user_account" ("email", "password_hash") values ('ana@example.ec', '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$aGFzaA') - invalid byte sequence for encoding "UTF8": 0x00`;

interface GraphQLBody {
  data: Record<string, unknown>;
  errors: { message: string; extensions: unknown }[];
}

function driverError(kind: 'unique' | 'other' | 'timeout'): Error {
  if (kind === 'timeout') return new Error('Query read timeout');
  const cause = Object.assign(new Error(secretSql), { code: kind === 'unique' ? '23505' : '22021', routine: 'report_invalid_encoding' });
  return kind === 'unique' ? new UniqueConstraintViolationException(cause) : new DriverException(cause);
}

describe.each(['development', 'production'] as const)('a %s subgraph whose database fails', (nodeEnv) => {
  const lines: string[] = [];
  let url: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'info' }, logStream);
    const schema = buildSubgraphSchema({
      typeDefs: parse('type Query { unique: String other: String timeout: String fine: String }'),
      resolvers: {
        Query: {
          unique: () => Promise.reject(driverError('unique')),
          other: () => Promise.reject(driverError('other')),
          timeout: () => Promise.reject(driverError('timeout')),
          fine: () => 'ok',
        },
      },
    });
    const config = serviceConfigSchema.parse({ NODE_ENV: nodeEnv, PORT: '0', INTERNAL_SERVICE_TOKEN: 'x'.repeat(40) });
    const server = await startSubgraphServer({
      name: 'probe',
      config,
      logger,
      schema,
      orm: { em: { fork: () => ({}) } } as unknown as Orm,
      verifier: { verifyAuthorizationHeader: async () => ({ viewer: null }) } as unknown as AccessTokenVerifier,
      readiness: [],
      internalToken: 'x'.repeat(40),
      extendContext: (base) => base,
    });
    url = server.url;
    stop = server.stopHttp;
  });

  afterAll(() => stop?.());

  it('answers a masked INTERNAL_SERVER_ERROR and logs only the kind and SQLSTATE', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-credential': 'x'.repeat(40) },
      body: JSON.stringify({ query: '{ unique other fine }' }),
    });
    const body = (await response.json()) as GraphQLBody;
    expect(body.data).toEqual({ unique: null, other: null, fine: 'ok' });
    expect(body.errors.map((e) => [e.message, e.extensions])).toEqual([
      ['Internal server error', { code: 'INTERNAL_SERVER_ERROR' }],
      ['Internal server error', { code: 'INTERNAL_SERVER_ERROR' }],
    ]);
    const log = lines.join('');
    for (const secret of ['ana@example.ec', 'argon2id', 'insert into', 'user_account']) expect(log).not.toContain(secret);
    expect(log).toContain('"sqlState":"23505"');
    expect(log).toContain('"type":"UniqueConstraintViolationException"');
  });

  it('answers SERVICE_UNAVAILABLE for a database that does not answer', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-credential': 'x'.repeat(40) },
      body: JSON.stringify({ query: '{ timeout }' }),
    });
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(body)).not.toMatch(/read timeout/i);
  });
});
