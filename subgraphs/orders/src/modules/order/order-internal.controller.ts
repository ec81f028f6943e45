// Internal REST API for the payments subgraph: an order as it is now (parties, total, status), so a payment's amount
// comes from the order and never from the client. Not served by the gateway; the internal credential on every call.
import type { Express, Request, Response } from 'express';
import type { Orm } from '@espigon/kit/database/orm';
import { isUuid } from '@espigon/kit/database/uuid';
import { ErrorCode } from '@espigon/kit/errors';
import type { Logger } from '@espigon/kit/logger';
import { mountInternalRouter } from '@espigon/kit/server/internal-router';
import { Order } from './order.entity';

export const ORDERS_PATH = '/internal/orders';

export class OrderInternalController {
  constructor(
    private readonly orm: Orm,
    private readonly logger: Logger,
  ) {}

  mount(app: Express, internalToken: string): void {
    mountInternalRouter(app, ORDERS_PATH, internalToken, this.logger, (router) => {
      router.get('/:orderId', (req, res) => this.show(req, res));
    });
  }

  private async show(req: Request, res: Response): Promise<void> {
    const id = String(req.params.orderId);
    const order = isUuid(id) ? await this.orm.em.fork().findOne(Order, { id: id.toLowerCase(), placed: true }) : null;
    if (!order) {
      res.status(404).json({ code: ErrorCode.NOT_FOUND, message: 'Order not found' });
      return;
    }
    const { number, buyerId, sellerId, totalCents, status } = order;
    res.json({ id: order.id, number, buyerId, sellerId, totalCents, status });
  }
}
