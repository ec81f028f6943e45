// The one way a service calls another's internal REST API: the internal credential, a timeout on every attempt, retries
// with backoff and jitter while the other service is down, slow or answering 5xx (callers use it for idempotent
// operations only), and refusals (4xx) as typed errors carrying the other side's code and details.
import { AppError, ErrorCode, ServiceUnavailableError } from '../errors';

export interface InternalClientOptions {
  /** The other service's base URL (its /graphql URL will do: the path is replaced). */
  baseUrl: string;
  /** INTERNAL_SERVICE_TOKEN. */
  token: string;
  timeoutMs?: number;
  /** Attempts after the first, for a service that is down, slow or answers 5xx. */
  retries?: number;
}

export class InternalClient {
  constructor(
    private readonly service: string,
    private readonly base: URL,
    private readonly options: InternalClientOptions,
  ) {}

  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const attempts = 1 + (this.options.retries ?? 3);
    let lastProblem = 'no answer';
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(Math.min(100 * 2 ** attempt, 2000) * (1 + Math.random() / 4));
      let response: Response;
      try {
        response = await fetch(new URL(path, this.base), {
          method,
          headers: { authorization: `Bearer ${this.options.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 3000),
        });
      } catch (err) {
        lastProblem = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'unreachable';
        continue;
      }
      if (response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        lastProblem = `answered ${response.status}`;
        continue;
      }
      const answer = (await response.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
      if (response.ok && answer) return answer;
      const {
        code = ErrorCode.BAD_USER_INPUT,
        message = `${this.service} answered ${response.status}`,
        ...details
      } = (answer ?? {}) as {
        code?: string;
        message?: string;
      };
      throw new AppError(code as ErrorCode, message, details);
    }
    throw new ServiceUnavailableError(`The ${this.service} service is not answering (${lastProblem}); try again shortly`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
