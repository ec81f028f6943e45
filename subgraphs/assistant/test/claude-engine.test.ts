// The Claude engine against the fake Messages API, with the market's real tools over a scripted gateway: what it
// streams, what it sends back to the model, how it bounds the rounds of tools, and how every upstream failure becomes
// ReplyUnavailableError (without the key, without a hang). The whole supergraph's cases are in e2e/assistant-claude.
import type { Viewer } from '@espigon/kit/auth/access-token';
import { Role } from '@espigon/kit/auth/role';
import { createLogger } from '@espigon/kit/logger';
import { eventually } from '@espigon/kit/testing/eventually';
import { ClaudeEngine, MAX_TOOL_CALLS_PER_TURN, NO_ANSWER, type ClaudeEngineOptions } from '../src/engines/claude/claude-engine';
import { ReplyUnavailableError, type ReplyRequest } from '../src/engines/reply-engine';
import type { GatewayClient } from '../src/tools/gateway-client';
import { MarketToolbox } from '../src/tools/market-tools';
import {
  fail,
  FAKE_ANTHROPIC_KEY,
  hang,
  offeredTools,
  say,
  startFakeAnthropic,
  toolResults,
  useTool,
  useTools,
  type FakeAnthropic,
} from '../../../e2e/support/fake-anthropic';

const corvina = {
  id: '0b6f2a4e-1111-4000-8000-000000000001',
  name: 'Corvina de roca',
  description: 'Fresca de esta mañana',
  priceCents: 450,
  unit: 'LB',
  available: true,
  caughtAt: null,
  inventory: { quantityAvailable: 12 },
  subcategory: { name: 'Corvina', category: { name: 'Pescados' } },
  seller: { id: 'seller-1', name: 'Rosa Delgado', sellerProfile: { stallName: 'Mariscos Doña Rosa', pierSection: 'Muelle A' } },
};

describe('ClaudeEngine', () => {
  let fake: FakeAnthropic;
  /** What the scripted gateway was asked: the operation's name, its variables and the bearer token. */
  let gatewayCalls: { operation: string; variables: Record<string, unknown>; token: string | null }[];
  const gateway = {
    execute: async (query: string, variables: Record<string, unknown>, token: string | null) => {
      gatewayCalls.push({ operation: /query (\w+)/.exec(query)![1], variables, token });
      if (query.includes('AssistantSearchProducts')) return { data: { products: { totalCount: 1, edges: [{ node: corvina }] } } };
      if (query.includes('AssistantOrderStatus')) return { data: { orderByNumber: null } };
      return { data: null, errors: [{ message: 'unexpected operation', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    },
  } as unknown as GatewayClient;
  const tools = new MarketToolbox(gateway);
  const logger = createLogger('assistant-test', 'silent');

  const engine = (options: Partial<ClaudeEngineOptions> = {}) =>
    new ClaudeEngine({
      apiKey: FAKE_ANTHROPIC_KEY,
      baseURL: fake.url,
      model: 'claude-test',
      timeoutMs: 2000,
      maxRetries: 0,
      maxTokens: 512,
      maxToolRounds: 3,
      ...options,
    });

  const ask = (message: string, options: { role?: Role; deltas?: string[]; history?: ReplyRequest['history']; signal?: AbortSignal } = {}) => {
    const viewer: Viewer = { id: 'user-1', role: options.role ?? Role.CLIENT, jti: 'jti-1', exp: Math.floor(Date.now() / 1000) + 600 };
    return {
      viewer,
      token: 'the-askers-own-token',
      history: options.history ?? [],
      message,
      tools,
      onDelta: (delta: string) => options.deltas?.push(delta),
      signal: options.signal ?? new AbortController().signal,
      logger,
    } satisfies ReplyRequest;
  };

  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });

  afterAll(() => fake?.close());

  beforeEach(() => {
    fake.calls.length = 0;
    gatewayCalls = [];
  });

  it('streams the text, runs the tools as the asker, sends their results back as JSON data and adds up the tokens', async () => {
    fake.script([
      {
        kind: 'message',
        content: [{ type: 'tool_use', name: 'search_products', input: { query: 'corvina' } }],
        usage: { input_tokens: 900, output_tokens: 40 },
      },
      {
        kind: 'message',
        content: [{ type: 'text', text: 'Sí: corvina de roca a US$4.50 la libra.', pieces: ['Sí: corvina ', 'de roca a ', 'US$4.50 la libra.'] }],
        usage: { input_tokens: 1200, output_tokens: 30 },
      },
    ]);
    const deltas: string[] = [];
    const history = [
      { role: 'user' as const, content: 'Hola' },
      { role: 'assistant' as const, content: '¡Hola! ¿En qué te ayudo?' },
    ];
    const result = await engine().reply(ask('¿Hay corvina?', { deltas, history }));

    expect(deltas).toEqual(['Sí: corvina ', 'de roca a ', 'US$4.50 la libra.']);
    expect(result).toEqual({ text: deltas.join(''), tokens: 900 + 40 + 1200 + 30, toolCalls: ['search_products'] });
    expect(gatewayCalls).toEqual([
      {
        operation: 'AssistantSearchProducts',
        variables: expect.objectContaining({ filter: expect.objectContaining({ search: 'corvina' }) }),
        token: 'the-askers-own-token',
      },
    ]);
    const [first, second] = fake.calls;
    expect(first.body).toMatchObject({ model: 'claude-test', max_tokens: 512, stream: true });
    expect(first.body.messages).toEqual([...history, { role: 'user', content: '¿Hay corvina?' }]);
    expect(first.body.system).toEqual(expect.stringContaining('CLIENT'));
    expect(first.body.tool_choice).toBeUndefined();
    const [sent] = toolResults(second);
    expect(sent.isError).toBe(false);
    expect(sent.json).toEqual({
      tool: 'search_products',
      data: { totalCount: 1, products: [expect.objectContaining({ name: 'Corvina de roca', priceCents: 450 })] },
    });
  });

  it('offers each role its own tools only, and refuses a tool of another role without calling the gateway', async () => {
    const offered = async (role: Role) => {
      fake.calls.length = 0;
      fake.script([say('Hola.')]);
      await engine().reply(ask('Hola', { role }));
      return offeredTools(fake.calls[0]);
    };
    expect(await offered(Role.CLIENT)).toEqual(['search_products', 'get_product', 'my_orders', 'order_status']);
    expect(await offered(Role.SELLER)).toEqual(['search_products', 'get_product', 'order_status', 'seller_stock']);
    expect(await offered(Role.ADMIN)).toEqual(['search_products', 'get_product', 'order_status', 'market_summary']);

    fake.calls.length = 0;
    fake.script([useTools({ name: 'market_summary' }, { name: 'order_status', input: { number: 'MNT-2026-000001' } }), say('No puedo verlo.')]);
    await engine().reply(ask('Dame el resumen del mercado y el pedido MNT-2026-000001'));
    expect(toolResults(fake.calls[1]).map(({ isError, json }) => ({ isError, code: json.error.code }))).toEqual([
      { isError: true, code: 'FORBIDDEN' },
      { isError: true, code: 'NOT_FOUND' },
    ]);
    expect(gatewayCalls.map((call) => call.operation)).toEqual(['AssistantOrderStatus']);
  });

  it('answers every tool call of a turn, running at most its limit', async () => {
    const many = Array.from({ length: MAX_TOOL_CALLS_PER_TURN + 2 }, (_, i) => ({ name: 'search_products', input: { query: `pez ${i}` } }));
    fake.script([useTools(...many), say('Listo.')]);
    await engine().reply(ask('Busca todo'));
    const results = toolResults(fake.calls[1]);
    expect(results).toHaveLength(many.length);
    expect(results.filter((result) => result.isError)).toHaveLength(2);
    expect(gatewayCalls).toHaveLength(MAX_TOOL_CALLS_PER_TURN);
  });

  it('bounds the rounds of tools, then asks once more with tools refused so the asker still gets an answer', async () => {
    fake.script(({ body }) =>
      body.tool_choice?.type === 'none' ? say('Con lo que encontré: corvina.') : useTool('search_products', { query: 'corvina' }),
    );
    const result = await engine({ maxToolRounds: 3 }).reply(ask('¿Qué hay?'));
    expect(fake.calls).toHaveLength(4);
    expect(fake.calls.map((call) => call.body.tool_choice?.type ?? 'auto')).toEqual(['auto', 'auto', 'auto', 'none']);
    expect(result.toolCalls).toEqual(['search_products', 'search_products', 'search_products']);
    expect(result.text).toBe('Con lo que encontré: corvina.');
  });

  it('says plainly it could not finish when the model still asks for tools after they were refused', async () => {
    fake.script(() => useTool('search_products', { query: 'corvina' }));
    const deltas: string[] = [];
    const result = await engine({ maxToolRounds: 2 }).reply(ask('¿Qué hay?', { deltas }));
    expect(fake.calls).toHaveLength(3);
    expect(result.text).toBe(NO_ANSWER);
    expect(deltas.join('')).toBe(NO_ANSWER);
  });

  it('keeps the text of every round, a paragraph apart', async () => {
    fake.script([
      {
        kind: 'message',
        content: [
          { type: 'text', text: 'Déjame buscar.' },
          { type: 'tool_use', name: 'search_products', input: { query: 'corvina' } },
        ],
      },
      say('Hay corvina.'),
    ]);
    const deltas: string[] = [];
    const result = await engine().reply(ask('¿Hay corvina?', { deltas }));
    expect(result.text).toBe('Déjame buscar.\n\nHay corvina.');
    expect(deltas.join('')).toBe(result.text);
    expect(fake.calls[1].body.messages.at(-2)).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Déjame buscar.' },
        { type: 'tool_use', id: expect.any(String), name: 'search_products', input: { query: 'corvina' } },
      ],
    });
  });

  describe('when Claude fails', () => {
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => new Error('it answered'),
        (err: unknown) => err as Error,
      );

    it('is unavailable on a refused key, saying nothing of the key', async () => {
      const err = await failure(engine({ apiKey: 'sk-ant-wrong-key-1234' }).reply(ask('Hola')));
      expect(err).toBeInstanceOf(ReplyUnavailableError);
      expect(err.message).toMatch(/401/);
      expect(err.message).not.toContain('sk-ant-wrong-key-1234');
    });

    it('is unavailable once the SDK has retried a 5xx and an overload', async () => {
      fake.script(() => fail(500));
      expect(await failure(engine({ maxRetries: 2 }).reply(ask('Hola')))).toBeInstanceOf(ReplyUnavailableError);
      expect(fake.calls).toHaveLength(3);

      fake.calls.length = 0;
      fake.script(() => fail(529, { 'retry-after': '1' }));
      const overloaded = await failure(engine({ maxRetries: 1 }).reply(ask('Hola')));
      expect(overloaded).toMatchObject({ name: 'ReplyUnavailableError', retryAfterSeconds: 1 });
      expect(fake.calls).toHaveLength(2);
    });

    it('is unavailable when the stream breaks with an error event, or stops moving', async () => {
      fake.script([{ kind: 'stream-error', type: 'overloaded_error', message: 'Overloaded' }]);
      expect(await failure(engine().reply(ask('Hola')))).toMatchObject({
        name: 'ReplyUnavailableError',
        message: expect.stringContaining('overloaded_error'),
      });

      fake.script([{ kind: 'stall', text: 'Empiezo a responder y me quedo callado' }]);
      const deltas: string[] = [];
      const stalled = await failure(engine({ timeoutMs: 1000 }).reply(ask('Hola', { deltas })));
      expect(stalled).toMatchObject({ name: 'ReplyUnavailableError', message: expect.stringContaining('stopped') });
      expect(deltas).toEqual(['Empiezo ']);
    });

    it('is unavailable when Claude never answers, each try ended by the timeout', async () => {
      fake.script(() => hang());
      const err = await failure(engine({ timeoutMs: 1000, maxRetries: 1 }).reply(ask('Hola')));
      expect(err).toMatchObject({ name: 'ReplyUnavailableError', message: expect.stringContaining('did not answer') });
      expect(fake.calls).toHaveLength(2);
    });

    it('stops at once when the reply is given up', async () => {
      fake.script(() => hang());
      const controller = new AbortController();
      const reply = failure(engine({ timeoutMs: 60_000 }).reply(ask('Hola', { signal: controller.signal })));
      await eventually(async () => expect(fake.calls).toHaveLength(1));
      controller.abort(new Error('no reply within the limit'));
      expect(await reply).toMatchObject({ name: 'ReplyUnavailableError', message: expect.stringContaining('given up') });
    });
  });
});
