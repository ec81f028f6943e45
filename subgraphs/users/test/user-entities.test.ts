// The users subgraph resolves User references for the gateway (_entities), batched through one loader.
import { demoAccounts } from '../src/seed/demo-accounts';
import { execute, randomAddress } from '../../../e2e/support/client';

const usersUrl = () => (JSON.parse(process.env.ESPIGON_SUBGRAPH_URLS!) as Record<string, string>).users;

describe('User entity', () => {
  it('resolves references by id, null for an unknown one', async () => {
    const [admin, seller] = demoAccounts;
    const result = await execute<{ _entities: ({ id: string; name: string; sellerProfile: { stallName: string } | null } | null)[] }, unknown>(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on User { id name sellerProfile { stallName } } }
      }`,
      {
        representations: [
          { __typename: 'User', id: seller.id },
          { __typename: 'User', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'User', id: admin.id },
        ],
      },
      { url: usersUrl() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: seller.id, name: seller.name, sellerProfile: { stallName: seller.stallName } },
      null,
      { id: admin.id, name: admin.name, sellerProfile: null },
    ]);
  });

  it("applies the field rules to references too: a client's email, phone and role only to themselves and admins", async () => {
    const client = demoAccounts.find((a) => a.role === 'CLIENT')!;
    const seller = demoAccounts.find((a) => a.role === 'SELLER')!;
    const result = await execute<
      { _entities: ({ name: string; email: string | null; phone: string | null; role: string | null } | null)[] },
      unknown
    >(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { name phone email role } } }`,
      {
        representations: [
          { __typename: 'User', id: client.id },
          { __typename: 'User', id: seller.id },
        ],
      },
      { url: usersUrl() },
    );
    // the client's entity is nulled by its refused non-null fields; the seller's business contact is public
    expect(result.data?._entities[0]).toBeNull();
    expect(result.data?._entities[1]).toEqual({ name: seller.name, phone: seller.phone, email: seller.email, role: 'SELLER' });
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(result.errors?.map((e) => e.path?.slice(2)[0]).sort()).toEqual(['email', 'phone']);
    const role = await execute<{ _entities: unknown[] }, unknown>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { role } } }`,
      { representations: [{ __typename: 'User', id: client.id }] },
      { url: usersUrl() },
    );
    expect(role.data?._entities).toEqual([null]);
    expect(role.errors?.[0]).toMatchObject({ path: ['_entities', 0, 'role'], extensions: { code: 'FORBIDDEN' } });
  });

  it("hands a client's private fields by reference to that client and to administrators", async () => {
    const client = demoAccounts.find((a) => a.email === 'carmen@example.ec')!;
    const admin = demoAccounts.find((a) => a.role === 'ADMIN')!;
    const tokenOf = async (account: (typeof demoAccounts)[number]) => {
      const login = await execute<{ login: { accessToken: string } }, unknown>(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
        { email: account.email, password: account.password },
        { url: usersUrl(), ip: randomAddress() },
      );
      return login.data!.login.accessToken;
    };
    const entities = (token: string) =>
      execute<{ _entities: unknown[] }, unknown>(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { email phone role } } }`,
        { representations: [{ __typename: 'User', id: client.id }] },
        { url: usersUrl(), token },
      );
    const expected = { email: client.email, phone: client.phone, role: 'CLIENT' };
    expect(await entities(await tokenOf(client))).toEqual({ status: 200, data: { _entities: [expected] } });
    expect(await entities(await tokenOf(admin))).toEqual({ status: 200, data: { _entities: [expected] } });
    // another client is refused, field by field
    const other = await entities(await tokenOf(demoAccounts.find((a) => a.email === 'restaurante.lachoza@example.ec')!));
    expect(other.data?._entities).toEqual([null]);
    expect(new Set(other.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });

  it('publishes its SDL with federation directives', async () => {
    const result = await execute<{ _service: { sdl: string } }, unknown>('{ _service { sdl } }', undefined, { url: usersUrl() });
    expect(result.data?._service.sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
  });
});
