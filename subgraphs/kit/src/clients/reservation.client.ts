// The typed client of catalog's internal reservation API (/internal/reservations), for the orders subgraph: every
// call has a timeout and is retried with backoff when catalog is down, slow or failing (each operation is idempotent:
// a reservation per checkout id, a release or commit per order); refusals come back as typed errors with their code.
import { AppError, ErrorCode } from '../errors';
import { InternalClient, type InternalClientOptions } from './internal-client';

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

export type ReservationClientOptions = InternalClientOptions;

export class ReservationClient {
  private readonly client: InternalClient;

  constructor(options: ReservationClientOptions) {
    this.client = new InternalClient('catalog', new URL('/internal/reservations/', options.baseUrl), options);
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

  private call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    return this.client.call<T>(method, path, body);
  }
}
