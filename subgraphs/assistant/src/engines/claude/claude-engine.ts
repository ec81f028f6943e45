// Claude through the Messages API (@anthropic-ai/sdk), streaming: the text reaches the asker as it is written, and
// each tool Claude asks for runs through the gateway with the asker's own token. The SDK retries what is worth
// retrying (429, 5xx, 529 overloaded, lost connections) with exponential backoff that honours retry-after, and bounds
// each attempt's wait for an answer (timeout); this file bounds the rest: the rounds of tools, a stream that stops
// moving, and the whole reply (the request's signal).
import Anthropic, { APIUserAbortError } from '@anthropic-ai/sdk';
import type { Logger } from '@espigon/kit/logger';
import { inputJsonSchema, type MarketTool, type ToolOutcome } from '../../tools/market-tools';
import { ReplyUnavailableError, type ReplyEngine, type ReplyRequest, type ReplyResult } from '../reply-engine';
import { systemPrompt } from './system-prompt';
import { upstreamFailure } from './upstream-failure';

export interface ClaudeEngineOptions {
  apiKey: string;
  /** Another host than Anthropic's (a proxy, the tests' fake); the SDK's default otherwise. */
  baseURL?: string;
  model: string;
  /** Longest wait for one call's answer to begin, per attempt, and longest pause inside a streamed answer. */
  timeoutMs: number;
  /** The SDK's retries of one call (429, 5xx, no connection), with backoff honouring retry-after. */
  maxRetries: number;
  maxTokens: number;
  /** Calls that may ask for tools; then one more, with tools refused, so the asker still gets an answer. */
  maxToolRounds: number;
  /** Where the SDK's own warnings go (structured, like every other line). */
  logger?: Logger;
}

/** Tool calls run from one of Claude's turns; any more are answered with an error, unrun. */
export const MAX_TOOL_CALLS_PER_TURN = 8;

/** Said when the model could not finish: it still asked for tools when they were refused, or wrote nothing. */
export const NO_ANSWER = 'No pude terminar de consultar los datos del mercado para responderte. Intenta con una pregunta más concreta, por favor.';

type MessageParam = Anthropic.MessageParam;

/** One reply as it is made: what Claude is sent, the text so far, the tools run and the tokens spent. */
interface ReplyState {
  tools: Anthropic.Tool[];
  system: string;
  messages: MessageParam[];
  text: ReplyText;
  toolCalls: string[];
  tokens: number;
}
type ToolUseBlock = Anthropic.ToolUseBlock;

export class ClaudeEngine implements ReplyEngine {
  readonly mode = 'claude';
  private readonly client: Anthropic;

  constructor(private readonly options: ClaudeEngineOptions) {
    this.client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      logLevel: 'warn',
      ...(options.logger ? { logger: sdkLogger(options.logger) } : {}),
    });
  }

  async reply(request: ReplyRequest): Promise<ReplyResult> {
    const { viewer } = request;
    const state: ReplyState = {
      tools: request.tools.availableTo(viewer.role).map(claudeTool),
      system: systemPrompt(viewer.role),
      messages: [...request.history.map(({ role, content }) => ({ role, content })), { role: 'user', content: request.message }],
      text: new ReplyText(request.onDelta),
      toolCalls: [],
      tokens: 0,
    };
    try {
      await this.converse(request, state);
    } catch (err) {
      // what the failed reply spent is still the asker's
      if (err instanceof ReplyUnavailableError) err.tokensSpent = state.tokens;
      throw err;
    }
    if (!state.text.value.trim()) state.text.add(NO_ANSWER);
    return { text: state.text.value, tokens: state.tokens, toolCalls: state.toolCalls };
  }

  /** The rounds of one reply: Claude's calls and the tools it asks for, until it answers or the rounds run out. */
  private async converse(request: ReplyRequest, state: ReplyState): Promise<void> {
    const { messages, text } = state;
    for (let round = 1; ; round++) {
      const toolsAllowed = round <= this.options.maxToolRounds;
      const message = await this.call(
        {
          model: this.options.model,
          max_tokens: this.options.maxTokens,
          system: state.system,
          messages,
          tools: state.tools,
          // past the rounds, the tools stay described (the conversation holds tool blocks) but may not be used
          ...(toolsAllowed ? {} : { tool_choice: { type: 'none' as const } }),
        },
        text,
        request.signal,
      );
      state.tokens += usedTokens(message.usage);
      const uses = message.content.filter((block): block is ToolUseBlock => block.type === 'tool_use');
      request.logger.debug({ round, stopReason: message.stop_reason, tools: uses.map((use) => use.name), usage: message.usage }, 'claude answered');
      if (message.stop_reason !== 'tool_use' || uses.length === 0) return;
      if (!toolsAllowed) {
        request.logger.warn({ round }, 'claude still asked for tools when they were refused');
        text.startTurn();
        text.add(NO_ANSWER);
        return;
      }
      messages.push({ role: 'assistant', content: assistantContent(message) });
      messages.push({ role: 'user', content: await this.runTools(uses, request, state.toolCalls) });
    }
  }

  /** One streamed call: its text goes out as it arrives; the whole message is returned once it is complete. */
  private async call(params: Anthropic.MessageCreateParamsNonStreaming, text: ReplyText, signal: AbortSignal): Promise<Anthropic.Message> {
    // the SDK's timeout ends at the answer's first byte: a stream that then stops moving is given up here
    const stalled = new AbortController();
    let idle: NodeJS.Timeout | undefined;
    const moving = () => {
      clearTimeout(idle);
      idle = setTimeout(() => stalled.abort(), this.options.timeoutMs);
    };
    const stream = this.client.messages.stream(params, { signal: AbortSignal.any([signal, stalled.signal]) });
    stream.on('connect', moving).on('streamEvent', moving);
    text.startTurn();
    stream.on('text', (delta) => text.add(delta));
    try {
      return await stream.finalMessage();
    } catch (err) {
      if (signal.aborted) throw new ReplyUnavailableError(`The reply was given up: ${String(signal.reason)}`);
      if (stalled.signal.aborted && err instanceof APIUserAbortError) {
        throw new ReplyUnavailableError(`Claude's answer stopped for more than ${this.options.timeoutMs} ms`);
      }
      throw upstreamFailure(err, this.options.timeoutMs) ?? err;
    } finally {
      clearTimeout(idle);
    }
  }

  /** Runs a turn's tool calls as the asker; every call gets its result, in order, the market's answers as JSON data. */
  private async runTools(uses: ToolUseBlock[], request: ReplyRequest, toolCalls: string[]): Promise<Anthropic.ToolResultBlockParam[]> {
    const caller = { token: request.token, role: request.viewer.role };
    return Promise.all(
      uses.map(async (use, i): Promise<Anthropic.ToolResultBlockParam> => {
        if (i >= MAX_TOOL_CALLS_PER_TURN) {
          const error = {
            code: 'TOO_MANY_REQUESTS',
            message: `At most ${MAX_TOOL_CALLS_PER_TURN} tool calls run in one turn: ask again for the rest`,
          };
          return { type: 'tool_result', tool_use_id: use.id, content: toolResultJson({ ok: false, tool: use.name, error }), is_error: true };
        }
        toolCalls.push(use.name);
        const outcome: ToolOutcome = await request.tools.run(use.name, use.input, caller, request.signal);
        if (!outcome.ok) request.logger.info({ tool: use.name, code: outcome.error.code }, 'assistant tool refused or failed');
        return { type: 'tool_result', tool_use_id: use.id, content: toolResultJson(outcome), ...(outcome.ok ? {} : { is_error: true }) };
      }),
    );
  }
}

/**
 * A tool outcome as the model reads it: JSON, so whatever a market user wrote (a product's description, a stall's
 * name) stays a string value inside data and can never pass for the conversation's own words.
 */
export function toolResultJson(outcome: ToolOutcome): string {
  return JSON.stringify(outcome.ok ? { tool: outcome.tool, data: outcome.data } : { tool: outcome.tool, error: outcome.error });
}

function claudeTool(tool: MarketTool): Anthropic.Tool {
  return { name: tool.name, description: tool.description, input_schema: inputJsonSchema(tool) as Anthropic.Tool.InputSchema };
}

/** Claude's turn as it goes back into the conversation: its text and tool calls (empty text blocks are refused). */
function assistantContent(message: Anthropic.Message): Anthropic.ContentBlockParam[] {
  return message.content.flatMap((block): Anthropic.ContentBlockParam[] => {
    if (block.type === 'text') return block.text ? [{ type: 'text', text: block.text }] : [];
    if (block.type === 'tool_use') return [{ type: 'tool_use', id: block.id, name: block.name, input: block.input }];
    return [];
  });
}

/** Every token the call was billed for: input (cached or not) and output. */
function usedTokens(usage: Anthropic.Usage): number {
  return usage.input_tokens + usage.output_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
}

/** The reply's text across calls, sent out as it grows; a call that writes after earlier text starts a new paragraph. */
class ReplyText {
  value = '';
  private turnStarted = false;

  constructor(private readonly onDelta: (text: string) => void) {}

  startTurn(): void {
    this.turnStarted = true;
  }

  add(delta: string): void {
    if (!delta) return;
    const piece = this.turnStarted && this.value && !/\s$/.test(this.value) ? `\n\n${delta}` : delta;
    this.turnStarted = false;
    this.value += piece;
    this.onDelta(piece);
  }
}

/** The SDK's log lines as the service's structured ones. */
function sdkLogger(logger: Logger): NonNullable<ConstructorParameters<typeof Anthropic>[0]>['logger'] {
  const child = logger.child({ component: 'anthropic-sdk' });
  return {
    error: (message, ...rest) => child.error({ details: rest }, String(message)),
    warn: (message, ...rest) => child.warn({ details: rest }, String(message)),
    info: (message, ...rest) => child.info({ details: rest }, String(message)),
    debug: (message, ...rest) => child.debug({ details: rest }, String(message)),
  };
}
