// The typed client of the orders subgraph's internal API (/internal/orders), for payments: what an order is now (its
// parties, total and status), never from the client's word.
import { AppError, ErrorCode } from '../errors';
import { InternalClient, type InternalClientOptions } from './internal-client';

export interface OrderForPayment {
  id: string;
  number: string;
  buyerId: string;
  sellerId: string;
  totalCents: number;
  status: 'PENDING' | 'PAID' | 'PREPARING' | 'READY' | 'DELIVERED' | 'CANCELLED';
}

export class OrdersClient {
  private readonly client: InternalClient;

  constructor(options: InternalClientOptions) {
    this.client = new InternalClient('orders', new URL('/internal/orders/', options.baseUrl), options);
  }

  /** The placed order, or null when there is none with that id. */
  async find(orderId: string): Promise<OrderForPayment | null> {
    try {
      return await this.client.call<OrderForPayment>('GET', encodeURIComponent(orderId));
    } catch (err) {
      if (err instanceof AppError && err.extensions.code === ErrorCode.NOT_FOUND) return null;
      throw err;
    }
  }
}
