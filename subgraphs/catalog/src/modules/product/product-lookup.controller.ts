// Internal REST API for the orders subgraph: the products its carts hold, as catalog sees them now. Not served by the
// gateway; every call carries the internal service credential.
import type { Express, Request, Response } from 'express';
import { z } from 'zod';
import type { Orm } from '@espigon/kit/database/orm';
import type { Logger } from '@espigon/kit/logger';
import { mountInternalRouter } from '@espigon/kit/server/internal-router';
import { systemContext } from '@espigon/kit/server/service-context';
import { isUuid } from '@espigon/kit/database/uuid';
import { parseInput } from '@espigon/kit/validation';
import type { ProductService } from './product.service';

export const PRODUCTS_PATH = '/internal/products';
export const LOOKUP_IDS_MAX = 100;

const lookupBody = z.object({
  ids: z.array(z.string().refine(isUuid, 'must be a product id')).max(LOOKUP_IDS_MAX),
});

export class ProductLookupController {
  constructor(
    private readonly products: ProductService,
    private readonly orm: Orm,
    private readonly logger: Logger,
  ) {}

  mount(app: Express, internalToken: string): void {
    mountInternalRouter(app, PRODUCTS_PATH, internalToken, this.logger, (router) => {
      router.post('/lookup', (req, res) => this.lookup(req, res));
    });
  }

  /** `{ ids }` → `{ products: [{ id, sellerId, name, priceCents, unit, orderable, quantityAvailable }] }`. */
  private async lookup(req: Request, res: Response): Promise<void> {
    const { ids } = parseInput(lookupBody, req.body, 'body');
    const ctx = systemContext(this.orm.em.fork(), this.logger, res.locals.requestLog?.requestId);
    res.json({
      products: await this.products.lookupForOrders(
        ctx,
        ids.map((id) => id.toLowerCase()),
      ),
    });
  }
}
