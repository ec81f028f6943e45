// The Messages API's failures, once the SDK's own retries are spent, as the one error the assistant knows: the asker
// gets SERVICE_UNAVAILABLE and a polite sentence; the logs get what went wrong (status, error type, request id), never
// the API key, and never more than a short line of the upstream body.
import { AnthropicError, APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import { ReplyUnavailableError } from '../reply-engine';

/** Statuses after which waiting helps: rate limits and Anthropic's overload. */
const WAIT_STATUSES = new Set([429, 529]);

/**
 * The SDK's error as ReplyUnavailableError, or null for an error that is not the SDK's (a bug of ours: the caller
 * lets it through, so it is logged as one). Aborts are the caller's to name: it knows why it aborted.
 */
export function upstreamFailure(err: unknown, timeoutMs: number): ReplyUnavailableError | null {
  if (err instanceof APIConnectionTimeoutError) return new ReplyUnavailableError(`Claude did not answer within ${timeoutMs} ms, retries included`);
  if (err instanceof APIConnectionError) return new ReplyUnavailableError(`Claude could not be reached: ${short(causeOf(err))}`);
  if (err instanceof APIError) {
    const what = [err.status ?? 'stream error', err.type, err.apiMessage && short(err.apiMessage), err.requestID && `request ${err.requestID}`];
    const retryAfter = err.status && WAIT_STATUSES.has(err.status) ? retryAfterSeconds(err.headers) : undefined;
    return new ReplyUnavailableError(`Claude answered ${what.filter(Boolean).join(', ')}`, retryAfter);
  }
  if (err instanceof AnthropicError) return new ReplyUnavailableError(`Claude's answer could not be read: ${short(err.message)}`);
  return null;
}

function causeOf(err: Error): string {
  return err.cause instanceof Error ? err.cause.message : err.message;
}

function short(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const seconds = Number(headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
