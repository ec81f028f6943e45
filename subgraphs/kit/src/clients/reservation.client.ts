// The typed client of catalog's internal reservation API (/internal/reservations), for the orders subgraph: every
// call has a timeout and is retried with backoff when catalog is down, slow or failing (each operation is idempotent:
// a reservation per checkout id, a release or commit per order); refusals come back as typed errors with their code.
import { AppError, ErrorCode, ServiceUnavailableError } from '../errors';

export type ReservationStatus = 'RESERVED' | 'RELEASED' | 'COMMITTED';

export interface ReservationLine {
  productId: string;
  quantity: number;
}

export interface ReservedLine extends ReservationLine {
  status: ReservationStatus;
  /** Catalog data at the time of the call, so orders can split by seller and snapshot names and prices. */
  sellerId: string;
  name: string;
  priceCents: number;
  unit: string;
}

export interface OrderReservation {
  orderId: string;
  status: ReservationStatus;
  lines: ReservedLine[];
}

export interface CheckoutReservation {
  checkoutId: string;
  orders: OrderReservation[];
}

/** What an OUT_OF_STOCK refusal carries: every line that could not be held, and what is available now. */
export interface OutOfStockLine {
  productId: string;
  requested: number;
  available: number;
}

export interface ReservationClientOptions {
  /** The catalog service's base URL (its /graphql URL without the path will do). */
  baseUrl: string;
  /** INTERNAL_SERVICE_TOKEN. */
  token: string;
  timeoutMs?: number;
  /** Attempts after the first, for a catalog that is down, slow or answers 5xx. */
  retries?: number;
}

export class ReservationClient {
  private readonly base: URL;

  constructor(private readonly options: ReservationClientOptions) {
    this.base = new URL('/internal/reservations/', options.baseUrl);
  }

  /** All the orders of a checkout, or none (AppError OUT_OF_STOCK with `lines`). A retry returns the same. */
  reserveCheckout(checkoutId: string, orders: { orderId: string; lines: ReservationLine[] }[]): Promise<CheckoutReservation> {
    return this.call<CheckoutReservation>('POST', '', { checkoutId, orders });
  }

  /** The order's reservation, or null when it holds none. */
  async get(orderId: string): Promise<OrderReservation | null> {
    try {
      return await this.call<OrderReservation>('GET', encodeURIComponent(orderId));
    } catch (err) {
      if (err instanceof AppError && err.extensions.code === ErrorCode.NOT_FOUND) return null;
      throw err;
    }
  }

  /** Gives the order's stock back (cancelled, expired); again is a no-op. */
  release(orderId: string): Promise<OrderReservation> {
    return this.call<OrderReservation>('POST', `${encodeURIComponent(orderId)}/release`);
  }

  /** Takes the order's stock out for good (paid); again is a no-op. */
  commit(orderId: string): Promise<OrderReservation> {
    return this.call<OrderReservation>('POST', `${encodeURIComponent(orderId)}/commit`);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
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
        lastProblem = `answered ${response.status}`;
        continue;
      }
      const answer = (await response.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
      if (response.ok && answer) return answer;
      const { code = ErrorCode.BAD_USER_INPUT, message = `catalog answered ${response.status}`, ...details } = (answer ?? {}) as {
        code?: string;
        message?: string;
      };
      throw new AppError(code as ErrorCode, message, details);
    }
    throw new ServiceUnavailableError(`The catalog service is not answering (${lastProblem}); try again shortly`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
