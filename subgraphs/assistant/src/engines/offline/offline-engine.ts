// The offline mode (no ANTHROPIC_API_KEY): being built (issue 13).
import type { ReplyEngine, ReplyRequest, ReplyResult } from '../reply-engine';

export class OfflineEngine implements ReplyEngine {
  readonly mode = 'offline';

  async reply(request: ReplyRequest): Promise<ReplyResult> {
    const text = 'Modo sin conexión: todavía no sé responder eso.';
    request.onDelta(text);
    return { text, tokens: 0, toolCalls: [] };
  }
}
