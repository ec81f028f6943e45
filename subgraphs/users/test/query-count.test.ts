// No N+1: every list the users subgraph serves costs the same SQL statements for a page of 5 as for a page of 50 —
// the admin's `users`, the viewer's `notifications`, and the batches of User references (`_entities`) the gateway
// sends for the buyers, sellers and authors of other subgraphs' pages, with the fields they ask for (sellerProfile…).
import { randomUUID } from 'node:crypto';
import { Notification } from '../src/modules/notification/notification.entity';
import { Role } from '../src/modules/user/role.enum';
import { User } from '../src/modules/user/user.entity';
import { startUsersHarness, type UsersHarness } from './support/users-harness';

const ACCOUNTS = `
  query Accounts($first: Int!) {
    users(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id createdAt name email role phone sellerProfile { stallName pierSection } } }
    }
  }
`;

const INBOX = `
  query Inbox($first: Int!) {
    notifications(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id createdAt kind title body readAt } }
    }
  }
`;

const USER_REFERENCES = `
  query Users($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on User { id createdAt name email role phone sellerProfile { stallName pierSection } }
    }
  }
`;

let h: UsersHarness;
const adminId = randomUUID();
const inboxOwner = randomUUID();
let accountIds: string[];

beforeAll(async () => {
  h = await startUsersHarness();
  const em = h.service.runtime.orm.em.fork();
  const start = Date.now();
  await em.transactional(async (tx) => {
    // 60 accounts on top of the seeded ones, half of them sellers with a stall
    const accounts = Array.from({ length: 60 }, (_, i) =>
      tx.create(User, {
        email: `cuenta-${i}-${randomUUID()}@example.ec`,
        passwordHash: 'not-a-hash (never logs in)',
        name: `Cuenta ${i}`,
        role: i % 2 ? Role.SELLER : Role.CLIENT,
        phone: `+593 99 000 ${String(i).padStart(4, '0')}`,
        stallName: i % 2 ? `Puesto ${i}` : null,
        pierSection: i % 2 ? `Muelle A, puesto ${i}` : null,
        createdAt: new Date(start - i * 1000),
      } as User),
    );
    accountIds = accounts.map((a) => a.id);
    // 60 notifications in one inbox, some read
    for (let i = 0; i < 60; i++) {
      tx.create(Notification, {
        userId: inboxOwner,
        kind: 'ORDER_CREATED',
        title: `Nuevo pedido MNT-2026-${String(i).padStart(6, '0')}`,
        body: 'Total US$9,00',
        eventId: randomUUID(),
        readAt: i % 3 ? null : new Date(start),
        createdAt: new Date(start - i * 1000),
      } as Notification);
    }
  });
});
afterAll(() => h?.stop());

/** The statements one request sends, after checking it answered without errors. */
async function statementsOf(query: string, variables: Record<string, unknown>, token: string) {
  h.resetStatements();
  const result = await h.gql(query, variables, token);
  expect(result.errors).toBeUndefined();
  return { data: result.data!, statements: [...h.statements] };
}

it("costs the admin's users list the same two statements for 5 and for 50 accounts: the page and its count", async () => {
  const admin = h.token('ADMIN', adminId);
  const five = await statementsOf(ACCOUNTS, { first: 5 }, admin);
  const fifty = await statementsOf(ACCOUNTS, { first: 50 }, admin);
  expect(five.data.users.edges).toHaveLength(5);
  expect(fifty.data.users.edges).toHaveLength(50);
  expect(fifty.data.users.edges.filter((e: { node: { sellerProfile: unknown } }) => e.node.sellerProfile).length).toBeGreaterThan(20);
  console.log(`users SQL statements: first 5 -> ${five.statements.length}, first 50 -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // the page (limit first + 1), and the count for totalCount
  expect(fifty.statements).toHaveLength(2);
  expect(fifty.statements.filter((sql) => sql.includes('"users"."user_account"'))).toHaveLength(2);
  expect(fifty.statements.filter((sql) => sql.includes('count('))).toHaveLength(1);
});

it("costs the viewer's notifications the same two statements for 5 and for 50: the page and its count", async () => {
  const owner = h.token('CLIENT', inboxOwner);
  const five = await statementsOf(INBOX, { first: 5 }, owner);
  const fifty = await statementsOf(INBOX, { first: 50 }, owner);
  expect(five.data.notifications.edges).toHaveLength(5);
  expect(fifty.data.notifications.edges).toHaveLength(50);
  expect(fifty.data.notifications.totalCount).toBe(60);
  console.log(`notifications SQL statements: first 5 -> ${five.statements.length}, first 50 -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // the page (limit first + 1), and the count for totalCount
  expect(fifty.statements).toHaveLength(2);
  expect(fifty.statements.filter((sql) => sql.includes('"users"."notification"'))).toHaveLength(2);
});

it('counts the notifications only when totalCount is asked', async () => {
  const owner = h.token('CLIENT', inboxOwner);
  const page = await statementsOf(`query { notifications(first: 50) { edges { node { id } } } }`, {}, owner);
  expect(page.data.notifications.edges).toHaveLength(50);
  expect(page.statements).toHaveLength(1);
  expect(page.statements.some((sql) => sql.includes('count('))).toBe(false);
});

it('resolves a batch of 5 or of 50 User references, with their seller profiles, in one statement', async () => {
  const admin = h.token('ADMIN', adminId);
  const batch = (n: number) => ({ representations: accountIds.slice(0, n).map((id) => ({ __typename: 'User', id })) });
  const five = await statementsOf(USER_REFERENCES, batch(5), admin);
  const fifty = await statementsOf(USER_REFERENCES, batch(50), admin);
  expect(five.data._entities).toHaveLength(5);
  expect(fifty.data._entities).toHaveLength(50);
  expect(fifty.data._entities.map((u: { id: string }) => u.id)).toEqual(accountIds.slice(0, 50));
  expect(fifty.data._entities[1].sellerProfile).toEqual({ stallName: 'Puesto 1', pierSection: 'Muelle A, puesto 1' });
  console.log(`User _entities SQL statements: 5 -> ${five.statements.length}, 50 -> ${fifty.statements.length}`);
  expect(fifty.statements).toHaveLength(five.statements.length);
  // one select of every user of the batch (the request's user loader)
  expect(fifty.statements).toHaveLength(1);
  expect(fifty.statements[0]).toContain('"users"."user_account"');
});
