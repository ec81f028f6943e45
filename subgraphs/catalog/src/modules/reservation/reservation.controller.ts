// Internal REST API for the orders subgraph: reserve stock for a checkout's orders at once, release or commit each order. Not served by the
// gateway (it only forwards /graphql); every call must carry the internal service credential.
import type { Express, Request, Response } from 'express';
import { z } from 'zod';
import { mountInternalRouter } from '@espigon/kit/server/internal-router';
import type { Orm } from '@espigon/kit/database/orm';
import { ErrorCode } from '@espigon/kit/errors';
import type { Logger } from '@espigon/kit/logger';
import { systemContext, type ServiceContext } from '@espigon/kit/server/service-context';
import { parseInput } from '@espigon/kit/validation';
import type { ReservationService } from './reservation.service';

export const RESERVATIONS_PATH = '/internal/reservations';

/** Only the shape is checked here; the service's rules name the offending field. */
const lines = z.array(z.object({ productId: z.string(), quantity: z.number() }));
const reserveBody = z.union([
  z.object({ checkoutId: z.string(), orders: z.array(z.object({ orderId: z.string(), lines })) }),
  z.object({ orderId: z.string(), lines }),
]);

export class ReservationController {
  constructor(
    private readonly reservations: ReservationService,
    private readonly orm: Orm,
    private readonly logger: Logger,
  ) {}

  mount(app: Express, internalToken: string): void {
    mountInternalRouter(app, RESERVATIONS_PATH, internalToken, this.logger, (router) => {
      router.post('/', (req, res) => this.reserve(req, res));
      router.get('/:orderId', (req, res) => this.show(req, res));
      router.post('/:orderId/release', (req, res) => this.release(req, res));
      router.post('/:orderId/commit', (req, res) => this.commit(req, res));
    });
  }

  /**
   * `{ checkoutId, orders: [{ orderId, lines }] }`: 201 with every order's reservation, 200 with the same when the
   * checkout already holds them (a retry). `{ orderId, lines }` is a checkout of one order, answered with its reservation.
   */
  private async reserve(req: Request, res: Response): Promise<void> {
    const body = parseInput(reserveBody, req.body, 'body');
    if ('checkoutId' in body) {
      const { created, checkout } = await this.reservations.reserveCheckout(this.context(res), body.checkoutId, body.orders);
      res.status(created ? 201 : 200).json(checkout);
      return;
    }
    const { created, reservation } = await this.reservations.reserve(this.context(res), body.orderId, body.lines);
    res.status(created ? 201 : 200).json(reservation);
  }

  private async show(req: Request, res: Response): Promise<void> {
    const reservation = await this.reservations.find(this.context(res), String(req.params.orderId));
    if (!reservation) {
      res.status(404).json({ code: ErrorCode.NOT_FOUND, message: 'Reservation not found' });
      return;
    }
    res.json(reservation);
  }

  private async release(req: Request, res: Response): Promise<void> {
    res.json(await this.reservations.release(this.context(res), String(req.params.orderId)));
  }

  private async commit(req: Request, res: Response): Promise<void> {
    res.json(await this.reservations.commit(this.context(res), String(req.params.orderId)));
  }

  /** Another service calls: no user, the request's id for the logs. */
  private context(res: Response): ServiceContext {
    return systemContext(this.orm.em.fork(), this.logger, res.locals.requestLog?.requestId);
  }
}
