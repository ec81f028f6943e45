// A local stand-in for Anthropic's Messages API (POST /v1/messages), for `@anthropic-ai/sdk` pointed at it with
// baseURL: the real wire format (JSON Message answers; with stream: true, server-sent events in the API's order and
// shapes), its header checks (the API key, anthropic-version) and error bodies, and the request checks the real API makes that a client gets wrong most
// (every tool_use answered by a tool_result, tools defined when tool blocks are sent, no empty text). Each test
// scripts the turns (a text, tool calls, an error status with headers, a hang) and reads back every request it got.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_ANTHROPIC_KEY = 'sk-ant-test-espigon-fake-0000';

export type FakeBlock =
  /** Text; `pieces` are its text_delta events when streamed (else it is cut at spaces). */
  { type: 'text'; text: string; pieces?: string[] } | { type: 'tool_use'; name: string; input: Record<string, unknown>; id?: string };

export interface FakeUsage {
  input_tokens: number;
  output_tokens: number;
}

export type FakeTurn =
  | { kind: 'message'; content: FakeBlock[]; stopReason?: string; usage?: FakeUsage }
  /** An HTTP error in Anthropic's shape (type from the status unless given), with headers such as retry-after. */
  | { kind: 'error'; status: number; type?: string; message?: string; headers?: Record<string, string> }
  /** Never answers: no status, no byte (the SDK's timeout must end it). */
  | { kind: 'hang' }
  /** Streams the start of a message (message_start, a first text delta), then goes silent with the connection open. */
  | { kind: 'stall'; text: string }
  /** Streams message_start, then an `error` event (as the API does when it is overloaded mid-answer). */
  | { kind: 'stream-error'; type: string; message: string };

export interface MessagesRequestBody {
  model: string;
  max_tokens: number;
  system?: string | { type: 'text'; text: string }[];
  messages: { role: 'user' | 'assistant'; content: string | ContentBlock[] }[];
  tools?: { name: string; description?: string; input_schema: Record<string, unknown> }[];
  tool_choice?: { type: string; name?: string };
  stream?: boolean;
  [key: string]: unknown;
}

export type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; tool_use_id: string; content?: string | { type: 'text'; text: string }[]; is_error?: boolean }
  | { type: string; [key: string]: unknown };

export interface RecordedCall {
  headers: IncomingHttpHeaders;
  body: MessagesRequestBody;
}

/** Decides each answer from the request and how many this script answered before it. */
export type FakeScript = (call: RecordedCall, index: number) => FakeTurn;

export interface FakeAnthropic {
  /** The SDK's baseURL (it adds /v1/messages). */
  url: string;
  apiKey: string;
  /** Every request to /v1/messages, in order, with a body that parsed (the ones refused too). */
  calls: RecordedCall[];
  /** The answers from now on: a function of the request, or a queue of turns (a request past its end gets a 400). */
  script(script: FakeScript | FakeTurn[]): void;
  close(): Promise<void>;
}

/** A text answer, streamed in these pieces. */
export const say = (...pieces: string[]): FakeTurn => ({ kind: 'message', content: [{ type: 'text', text: pieces.join(''), pieces }] });

/** A turn asking for tools (one or more), optionally after some text. */
export const useTools = (...uses: { name: string; input?: Record<string, unknown> }[]): FakeTurn => ({
  kind: 'message',
  content: uses.map(({ name, input }) => ({ type: 'tool_use', name, input: input ?? {} })),
});

export const useTool = (name: string, input: Record<string, unknown> = {}): FakeTurn => useTools({ name, input });

export const fail = (status: number, headers?: Record<string, string>): FakeTurn => ({ kind: 'error', status, headers });

export const hang = (): FakeTurn => ({ kind: 'hang' });

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export async function startFakeAnthropic(options: { apiKey?: string } = {}): Promise<FakeAnthropic> {
  const apiKey = options.apiKey ?? FAKE_ANTHROPIC_KEY;
  const calls: RecordedCall[] = [];
  let script: FakeScript = () => say('Hola, ', 'soy el asistente ', 'del Espigón.');
  let served = 0;
  let ids = 0;
  const nextId = (prefix: string) => `${prefix}_fake${String(++ids).padStart(20, '0')}`;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const requestId = nextId('req');
      const sendError = (status: number, message: string, type = ERROR_TYPES[status] ?? 'api_error', headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, ...headers });
        res.end(JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId }));
      };
      if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== '/v1/messages') return sendError(404, `Not found: ${req.method} ${req.url}`);
      let body: MessagesRequestBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MessagesRequestBody;
      } catch {
        return sendError(400, 'There was an issue with the JSON body of the request');
      }
      const call: RecordedCall = { headers: req.headers, body };
      calls.push(call);
      if (keyOf(req.headers) !== apiKey) return sendError(401, 'invalid x-api-key');
      if (!req.headers['anthropic-version']) return sendError(400, 'anthropic-version: header is required');
      const invalid = invalidRequest(body);
      if (invalid) return sendError(400, invalid);
      const turn = script(call, served++);
      if (turn.kind === 'error') return sendError(turn.status, turn.message ?? `Fake ${turn.status}`, turn.type, turn.headers);
      if (turn.kind === 'hang') return; // the response stays open, unanswered, until the client gives up or the fake closes
      const message = messageOf(turn, body, nextId);
      if (!body.stream) {
        if (turn.kind !== 'message') return sendError(500, 'Internal server error');
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId });
        return res.end(JSON.stringify(message));
      }
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'request-id': requestId });
      for (const [event, data] of streamEvents(turn, message)) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      if (turn.kind !== 'stall') res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    calls,
    script(next) {
      served = 0;
      if (Array.isArray(next)) {
        const queue = [...next];
        script = () => queue.shift() ?? { kind: 'error', status: 400, message: 'fake-anthropic: no scripted turn left for this request' };
      } else {
        script = next;
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The request's API key: in x-api-key, or (as the SDK sends it since 1.x) `Authorization: Bearer <key>`. */
function keyOf(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-api-key'];
  if (typeof header === 'string') return header;
  return /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1];
}

/** The checks of the real API that a tool-using client can fail; null when the request passes them. */
function invalidRequest(body: MessagesRequestBody): string | null {
  if (typeof body.model !== 'string' || !body.model) return 'model: Field required';
  if (!Number.isInteger(body.max_tokens) || body.max_tokens < 1) return 'max_tokens: Field required';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: at least one message is required';
  if (body.messages[0].role !== 'user') return 'messages: first message must use the "user" role';
  for (const tool of body.tools ?? []) {
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name)) return `tools: invalid tool name ${JSON.stringify(tool.name)}`;
    if (tool.input_schema?.type !== 'object') return `tools.${tool.name}.input_schema.type: Input should be 'object'`;
  }
  let pendingToolUses: string[] = [];
  for (const [i, message] of body.messages.entries()) {
    const blocks: ContentBlock[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    if (blocks.length === 0) return `messages.${i}: all messages must have non-empty content`;
    const results = blocks.filter((block) => block.type === 'tool_result').map((block) => (block as { tool_use_id: string }).tool_use_id);
    const unanswered = pendingToolUses.filter((id) => !results.includes(id));
    if (unanswered.length) {
      return `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${unanswered.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    }
    const stray = results.find((id) => !pendingToolUses.includes(id));
    if (stray) return `messages.${i}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${stray}`;
    if (results.length && message.role !== 'user') return `messages.${i}: tool_result blocks must be in a user message`;
    if (blocks.some((block) => block.type === 'text' && !(block as { text: string }).text))
      return `messages.${i}: text content blocks must be non-empty`;
    pendingToolUses =
      message.role === 'assistant' ? blocks.filter((block) => block.type === 'tool_use').map((block) => (block as { id: string }).id) : [];
    if ((results.length || pendingToolUses.length) && !body.tools?.length) {
      return 'Requests which include `tool_use` or `tool_result` blocks must define tools.';
    }
  }
  if (pendingToolUses.length) return 'messages: the final assistant message has tool_use blocks without results';
  return null;
}

interface WireMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ({ type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> })[];
  stop_reason: string;
  stop_sequence: null;
  usage: { input_tokens: number; output_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number; service_tier: string };
}

function messageOf(turn: Exclude<FakeTurn, { kind: 'error' | 'hang' }>, body: MessagesRequestBody, nextId: (prefix: string) => string): WireMessage {
  const blocks: FakeBlock[] = turn.kind === 'message' ? turn.content : turn.kind === 'stall' ? [{ type: 'text', text: turn.text }] : [];
  const content = blocks.map((block) =>
    block.type === 'text'
      ? { type: 'text' as const, text: block.text }
      : { type: 'tool_use' as const, id: block.id ?? nextId('toolu'), name: block.name, input: block.input },
  );
  const usage = (turn.kind === 'message' && turn.usage) || { input_tokens: JSON.stringify(body).length >> 2, output_tokens: 12 };
  const stopReason = (turn.kind === 'message' && turn.stopReason) || (content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn');
  return {
    id: nextId('msg'),
    type: 'message',
    role: 'assistant',
    model: body.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { ...usage, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, service_tier: 'standard' },
  };
}

/** The server-sent events of a streamed answer, as the API sends them. */
function streamEvents(turn: Exclude<FakeTurn, { kind: 'error' | 'hang' }>, message: WireMessage): [string, unknown][] {
  const events: [string, unknown][] = [
    [
      'message_start',
      { type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } } },
    ],
    ['ping', { type: 'ping' }],
  ];
  if (turn.kind === 'stream-error') {
    events.push(['error', { type: 'error', error: { type: turn.type, message: turn.message } }]);
    return events;
  }
  const blocks = turn.kind === 'message' ? turn.content : [{ type: 'text' as const, text: turn.text }];
  for (const [index, block] of message.content.entries()) {
    if (block.type === 'text') {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }]);
      const scripted = blocks[index];
      const pieces = scripted.type === 'text' && scripted.pieces?.length ? scripted.pieces : block.text.split(/(?<= )/);
      for (const text of turn.kind === 'stall' ? pieces.slice(0, 1) : pieces) {
        events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text } }]);
      }
      if (turn.kind === 'stall') return events;
    } else {
      events.push([
        'content_block_start',
        { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } },
      ]);
      // as the API does: an empty first piece, then the JSON in a few arbitrary cuts
      const json = JSON.stringify(block.input);
      const cut = Math.max(1, Math.ceil(json.length / 3));
      for (const partial_json of ['', json.slice(0, cut), json.slice(cut, 2 * cut), json.slice(2 * cut)]) {
        events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } }]);
      }
    }
    events.push(['content_block_stop', { type: 'content_block_stop', index }]);
  }
  events.push(
    [
      'message_delta',
      {
        type: 'message_delta',
        delta: { stop_reason: message.stop_reason, stop_sequence: null },
        usage: { output_tokens: message.usage.output_tokens },
      },
    ],
    ['message_stop', { type: 'message_stop' }],
  );
  return events;
}

/** The tool names a request offered. */
export const offeredTools = (call: RecordedCall): string[] => (call.body.tools ?? []).map((tool) => tool.name);

export interface SentToolResult {
  toolUseId: string;
  isError: boolean;
  /** The result's text (as sent). */
  text: string;
  /** The result's text parsed as JSON (null when it is not JSON). */
  json: any;
}

/** The tool results a request carried back to the model (in its last message). */
export function toolResults(call: RecordedCall): SentToolResult[] {
  const last = call.body.messages.at(-1);
  if (!last || typeof last.content === 'string') return [];
  return last.content
    .filter((block): block is Extract<ContentBlock, { type: 'tool_result' }> => block.type === 'tool_result')
    .map((block) => {
      const text = typeof block.content === 'string' ? block.content : (block.content ?? []).map((part) => part.text).join('');
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: left as text
      }
      return { toolUseId: block.tool_use_id, isError: block.is_error === true, text, json };
    });
}

/**
 * Where some words (no quotes or backslashes: they are looked for in JSON too) appear in a request: "system", "tools",
 * "user text", "assistant text", "tool_use", "tool_result".
 */
export function placesOf(call: RecordedCall, words: string): string[] {
  const places: string[] = [];
  const system = typeof call.body.system === 'string' ? call.body.system : (call.body.system ?? []).map((part) => part.text).join('\n');
  if (system.includes(words)) places.push('system');
  if (JSON.stringify(call.body.tools ?? []).includes(words)) places.push('tools');
  for (const message of call.body.messages) {
    const blocks: ContentBlock[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    for (const block of blocks) {
      const where = block.type === 'text' ? `${message.role} text` : block.type;
      if (JSON.stringify(block).includes(words)) places.push(where);
    }
  }
  return places;
}
