// The fake Messages API speaks the real wire format: Anthropic's own SDK, pointed at it, reads its JSON answers, its
// server-sent events (text and tool input pieced together), its errors and its retry-after, as it reads the API's.
import Anthropic, { APIError, AuthenticationError, BadRequestError, InternalServerError } from '@anthropic-ai/sdk';
import { fail, FAKE_ANTHROPIC_KEY, say, startFakeAnthropic, useTool, type FakeAnthropic } from './support/fake-anthropic';

describe('the fake Anthropic Messages API', () => {
  let fake: FakeAnthropic;
  const client = (options: { apiKey?: string; maxRetries?: number } = {}) =>
    new Anthropic({ apiKey: options.apiKey ?? FAKE_ANTHROPIC_KEY, baseURL: fake.url, maxRetries: options.maxRetries ?? 0, timeout: 5000 });
  const question = { model: 'claude-espigon-test', max_tokens: 256, messages: [{ role: 'user' as const, content: '¿Hay camarón?' }] };
  const tools = [
    { name: 'search_products', description: 'Searches', input_schema: { type: 'object' as const, properties: { query: { type: 'string' } } } },
  ];

  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });

  afterAll(() => fake?.close());

  beforeEach(() => {
    fake.calls.length = 0;
  });

  it('answers messages.create with a Message the SDK reads, and records what it was sent', async () => {
    fake.script([say('Sí, hay ', 'camarón pomada.'), useTool('search_products', { query: 'camarón', first: 3 })]);
    const text = await client().messages.create(question);
    expect(text).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-espigon-test',
      stop_reason: 'end_turn',
      content: [{ type: 'text', text: 'Sí, hay camarón pomada.' }],
    });
    expect(text.usage.input_tokens).toBeGreaterThan(0);
    const tool = await client().messages.create({ ...question, tools });
    expect(tool.stop_reason).toBe('tool_use');
    expect(tool.content).toEqual([
      { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'search_products', input: { query: 'camarón', first: 3 } },
    ]);
    expect(fake.calls).toHaveLength(2);
    // the SDK sends the key as a bearer token (the fake takes x-api-key too, as the API does)
    expect(fake.calls[0].headers).toMatchObject({ authorization: `Bearer ${FAKE_ANTHROPIC_KEY}`, 'anthropic-version': expect.any(String) });
    expect(fake.calls[1].body.tools).toEqual(tools);
  });

  it('streams the events in the API order, which the SDK pieces together into the same message', async () => {
    fake.script([say('Hay ', 'camarón ', 'pomada ', 'a US$6.50.')]);
    const events: string[] = [];
    for await (const event of await client().messages.create({ ...question, stream: true })) events.push(event.type);
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);

    fake.script([
      {
        kind: 'message',
        content: [
          { type: 'text', text: 'Busco.', pieces: ['Bus', 'co.'] },
          { type: 'tool_use', name: 'search_products', input: { query: 'atún', availableOnly: true } },
        ],
        usage: { input_tokens: 321, output_tokens: 45 },
      },
    ]);
    const stream = client().messages.stream({ ...question, tools });
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));
    const message = await stream.finalMessage();
    expect(deltas).toEqual(['Bus', 'co.']);
    expect(message.content).toEqual([
      { type: 'text', text: 'Busco.' },
      { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'search_products', input: { query: 'atún', availableOnly: true } },
    ]);
    expect(message.stop_reason).toBe('tool_use');
    expect(message.usage).toMatchObject({ input_tokens: 321, output_tokens: 45 });
  });

  it('refuses a wrong key and a request the real API refuses, in its error shape', async () => {
    const refused = await client({ apiKey: 'sk-ant-wrong' })
      .messages.create(question)
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect(refused).toMatchObject({ status: 401, type: 'authentication_error', requestID: expect.stringMatching(/^req_/) });

    const unanswered = await client()
      .messages.create({
        ...question,
        tools,
        messages: [
          ...question.messages,
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'search_products', input: {} }] },
          { role: 'user', content: 'y?' },
        ],
      })
      .catch((err: unknown) => err);
    expect(unanswered).toBeInstanceOf(BadRequestError);
    expect((unanswered as BadRequestError).apiMessage).toMatch(/tool_use.*without.*tool_result/);
  });

  it('makes the SDK wait and retry on a 429 with retry-after, and fail after its retries on 500s', async () => {
    fake.script([fail(429, { 'retry-after': '1' }), say('Listo.')]);
    const retried = await client({ maxRetries: 2 }).messages.create(question);
    expect(retried.content).toEqual([{ type: 'text', text: 'Listo.' }]);
    expect(fake.calls).toHaveLength(2);

    fake.calls.length = 0;
    fake.script(() => fail(500));
    const failed = await client({ maxRetries: 1 })
      .messages.create(question)
      .catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(InternalServerError);
    expect(failed).toMatchObject({ status: 500, type: 'api_error' });
    expect(fake.calls).toHaveLength(2);
  });

  it('sends an overload in the middle of a stream as the API does: an error event', async () => {
    fake.script([{ kind: 'stream-error', type: 'overloaded_error', message: 'Overloaded' }]);
    const failed = await client()
      .messages.stream(question)
      .finalMessage()
      .catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(APIError);
    expect(failed).toMatchObject({ type: 'overloaded_error' });
  });
});
