// Conversations with the assistant through the gateway, whatever writes the replies (the shared market answers in
// offline mode): each account sees only its own (anyone else NOT_FOUND), newest first with cursors; a question and its
// reply are stored together; bad input is refused with nothing stored; replies stream to their owner only. The limits
// (questions per minute, message and conversation length) on a market of this file's own with tight settings.
import { print } from 'graphql';
import { eventually } from '@espigon/kit/testing/eventually';
import {
  AskAssistantMutation,
  AssistantReplyStreamSubscription,
  ConversationQuery,
  ConversationsQuery,
  OrderByNumberQuery,
  StartConversationMutation,
} from './operations/assistant.operations';
import { AddToCartMutation, CheckoutMutation } from './operations/orders.operations';
import { errorCode, execute, gatewayUrl, ok } from './support/client';
import { subscribe, settle } from './support/live-client';
import { listProduct, registerPerson, type Person } from './support/market-people';
import { startOwnMarket, type OwnMarket } from './support/own-market';

const ask = (who: Person, message: string, conversationId?: string | null) =>
  execute(AskAssistantMutation, { message, conversationId }, { token: who.token });

const conversationsOf = async (who: Person) => (await ok(ConversationsQuery, { first: 100 }, { token: who.token })).conversations;

describe('conversations through the gateway', () => {
  let ana: Person;
  let beto: Person;

  beforeAll(async () => {
    [ana, beto] = await Promise.all([registerPerson('CLIENT', 'Ana Vera'), registerPerson('CLIENT', 'Beto Zambrano')]);
  });

  it('starts a conversation with the first question and stores the question with its reply', async () => {
    const { askAssistant: reply } = await ok(AskAssistantMutation, { message: '  ¿Hay camarón hoy?  ' }, { token: ana.token });
    expect(reply.role).toBe('assistant');
    expect(reply.content.length).toBeGreaterThan(0);

    const list = await conversationsOf(ana);
    const started = list.edges.find((edge) => edge.node.messages.some((message) => message.content === reply.content));
    expect(started).toBeDefined();
    const { conversation } = await ok(ConversationQuery, { id: started!.node.id }, { token: ana.token });
    expect(conversation).toMatchObject({ title: '¿Hay camarón hoy?', messageCount: 2 });
    expect(conversation!.messages.map(({ role, content }) => [role, content])).toEqual([
      ['user', '¿Hay camarón hoy?'],
      ['assistant', reply.content],
    ]);
    expect(conversation!.messages[1].id).toBe(reply.id);

    // and goes on in the same conversation, the new pair after the first
    await ok(AskAssistantMutation, { conversationId: conversation!.id, message: '¿Y a cómo está?' }, { token: ana.token });
    const again = (await ok(ConversationQuery, { id: conversation!.id }, { token: ana.token })).conversation!;
    expect(again.messageCount).toBe(4);
    expect(again.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(again.messages[2].content).toBe('¿Y a cómo está?');
  });

  it("shows nobody else's conversation: NOT_FOUND to read it, continue it or follow its replies", async () => {
    const { startConversation } = await ok(StartConversationMutation, {}, { token: ana.token });
    await ok(AskAssistantMutation, { conversationId: startConversation.id, message: 'Mi pedido de ayer' }, { token: ana.token });

    const read = await execute(ConversationQuery, { id: startConversation.id }, { token: beto.token });
    expect(errorCode(read)).toBe('NOT_FOUND');
    expect(read.data?.conversation ?? null).toBeNull();
    const continued = await ask(beto, '¿Qué preguntó antes?', startConversation.id);
    expect(errorCode(continued)).toBe('NOT_FOUND');
    expect((await conversationsOf(beto)).edges.map((edge) => edge.node.id)).not.toContain(startConversation.id);
    // the owner's conversation is as it was
    expect((await ok(ConversationQuery, { id: startConversation.id }, { token: ana.token })).conversation!.messageCount).toBe(2);

    const spy = subscribe(gatewayUrl(), beto.token, print(AssistantReplyStreamSubscription), { conversationId: startConversation.id });
    try {
      await eventually(async () => expect(spy.errors.length > 0 || spy.completed).toBe(true));
      expect(JSON.stringify(spy.errors)).toContain('NOT_FOUND');
      expect(spy.events).toEqual([]);
    } finally {
      await spy.stop();
    }
  });

  it('asks for a token: anonymous is UNAUTHENTICATED', async () => {
    const anonymous = await execute(AskAssistantMutation, { message: '¿Hay pargo?' });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(errorCode(await execute(ConversationsQuery, { first: 5 }))).toBe('UNAUTHENTICATED');
  });

  it('refuses an empty question, an unknown conversation and a malformed id, storing nothing', async () => {
    const before = await conversationsOf(beto);
    expect(errorCode(await ask(beto, '   '))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask(beto, 'x'.repeat(2001)))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask(beto, '¿Hay concha?', '6f1c7a1e-9999-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(errorCode(await ask(beto, '¿Hay concha?', 'not-an-id'))).toBe('NOT_FOUND');
    expect((await conversationsOf(beto)).totalCount).toBe(before.totalCount);
  });

  it("lists the viewer's own conversations newest first, a page at a time, never repeating one", async () => {
    const carla = await registerPerson('CLIENT', 'Carla Mero');
    const started: string[] = [];
    for (let i = 0; i < 3; i++) started.push((await ok(StartConversationMutation, {}, { token: carla.token })).startConversation.id);

    const first = (await ok(ConversationsQuery, { first: 2 }, { token: carla.token })).conversations;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await ok(ConversationsQuery, { first: 2, after: first.pageInfo.endCursor }, { token: carla.token })).conversations;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual([...started].reverse());

    expect(errorCode(await execute(ConversationsQuery, { first: 2, after: 'bm90LWEtY3Vyc29y' }, { token: carla.token }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await execute(ConversationsQuery, { first: 0 }, { token: carla.token }))).toBe('BAD_USER_INPUT');
  });

  it('streams the reply to its owner as it is written: the chunks make the stored reply, the last one done', async () => {
    const { startConversation } = await ok(StartConversationMutation, {}, { token: ana.token });
    const live = subscribe<{ assistantReplyStream: { conversationId: string; delta: string; done: boolean } }>(
      gatewayUrl(),
      ana.token,
      print(AssistantReplyStreamSubscription),
      { conversationId: startConversation.id },
    );
    try {
      await settle();
      const { askAssistant: reply } = await ok(
        AskAssistantMutation,
        { conversationId: startConversation.id, message: '¿Tienen langosta?' },
        { token: ana.token },
      );
      await eventually(async () => expect(live.events.some((event) => event.assistantReplyStream.done)).toBe(true));
      const chunks = live.events.map((event) => event.assistantReplyStream);
      expect(chunks.every((chunk) => chunk.conversationId === startConversation.id)).toBe(true);
      expect(chunks.filter((chunk) => chunk.done)).toHaveLength(1);
      expect(chunks[chunks.length - 1].done).toBe(true);
      expect(chunks.map((chunk) => chunk.delta).join('')).toBe(reply.content);
      expect(live.errors).toEqual([]);
    } finally {
      await live.stop();
    }
  });
});

describe('orderByNumber', () => {
  it('finds an order by its number for its buyer and seller, in any letter case, and for nobody else', async () => {
    const [seller, buyer, stranger] = await Promise.all([
      registerPerson('SELLER', 'Jacinto Pin'),
      registerPerson('CLIENT', 'Dora Cedeño'),
      registerPerson('CLIENT', 'Eloy Reyes'),
    ]);
    const productId = await listProduct(seller, 10, 600, 'Pargo rojo');
    await ok(AddToCartMutation, { productId, quantity: 2 }, { token: buyer.token });
    const [order] = (await ok(CheckoutMutation, { input: { deliveryMethod: 'PICKUP' } }, { token: buyer.token })).checkout;

    expect((await ok(OrderByNumberQuery, { number: order.number }, { token: buyer.token })).orderByNumber).toMatchObject({ id: order.id });
    expect((await ok(OrderByNumberQuery, { number: order.number.toLowerCase() }, { token: seller.token })).orderByNumber?.id).toBe(order.id);
    expect((await ok(OrderByNumberQuery, { number: order.number }, { token: stranger.token })).orderByNumber).toBeNull();
    expect((await ok(OrderByNumberQuery, { number: "MNT-2026-' or 1=1" }, { token: buyer.token })).orderByNumber).toBeNull();
    expect((await execute(OrderByNumberQuery, { number: order.number })).data?.orderByNumber ?? null).toBeNull();
  });
});

describe('limits, on a market with tight ones', () => {
  let market: OwnMarket;
  const sharedMarket = process.env.ESPIGON_GATEWAY_URL;

  beforeAll(async () => {
    market = await startOwnMarket('assistant-limits', {
      ASSISTANT_MESSAGES_PER_MINUTE: '3',
      ASSISTANT_MAX_CONVERSATION_MESSAGES: '4',
      ASSISTANT_MAX_MESSAGE_CHARS: '40',
      SEED_DEMO_DATA: 'false',
    });
    // this block's requests (sign-ups included) go to that market
    process.env.ESPIGON_GATEWAY_URL = market.url;
  }, 120_000);

  afterAll(async () => {
    process.env.ESPIGON_GATEWAY_URL = sharedMarket;
    await market?.stop();
  });

  it('refuses a message over the length limit, and a question to a full conversation, storing nothing', async () => {
    const who = await registerPerson('CLIENT', 'Fabiola Lucas');
    expect(errorCode(await ask(who, 'x'.repeat(41)))).toBe('BAD_USER_INPUT');
    const id = (await ok(StartConversationMutation, {}, { token: who.token })).startConversation.id;
    await ok(AskAssistantMutation, { conversationId: id, message: '¿Hay camarón?' }, { token: who.token });
    await ok(AskAssistantMutation, { conversationId: id, message: '¿Y pargo?' }, { token: who.token });
    const full = await ask(who, '¿Y corvina?', id);
    expect(errorCode(full)).toBe('BAD_USER_INPUT');
    expect(full.errors?.[0]?.message).toMatch(/full/);
    expect((await ok(ConversationQuery, { id }, { token: who.token })).conversation!.messageCount).toBe(4);
  });

  it('answers each account a few questions a minute, then TOO_MANY_REQUESTS with when to retry; others unaffected', async () => {
    const busy = await registerPerson('CLIENT', 'Gonzalo Mendoza');
    const other = await registerPerson('CLIENT', 'Hilda Ponce');
    // a refused question (too long) does not count
    expect(errorCode(await ask(busy, 'x'.repeat(41)))).toBe('BAD_USER_INPUT');
    for (let i = 0; i < 3; i++) await ok(AskAssistantMutation, { message: `¿Hay atún? ${i}` }, { token: busy.token });
    const refused = await ask(busy, '¿Hay atún? 4');
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await conversationsOf(busy)).totalCount).toBe(3);
    await ok(AskAssistantMutation, { message: '¿Hay atún?' }, { token: other.token });
  });
});
