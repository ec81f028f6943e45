// Internal REST API for the orders subgraph: reserve stock for a checkout's orders at once, release or commit each order. Not served by the
// gateway (it only forwards /graphql); every call must carry the internal service credential.
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import { requireInternalCredential } from '@espigon/kit/auth/internal-credential';
import type { Orm } from '@espigon/kit/database/orm';
import { AppError, ErrorCode } from '@espigon/kit/errors';
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

const statusByCode: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.OUT_OF_STOCK]: 409,
};

export class ReservationController {
  constructor(
    private readonly reservations: ReservationService,
    private readonly orm: Orm,
    private readonly logger: Logger,
  ) {}

  mount(app: Express, internalToken: string): void {
    const router = express.Router();
    router.use(requireInternalCredential(internalToken), express.json({ limit: '64kb' }));
    router.post('/', (req, res) => this.reserve(req, res));
    router.get('/:orderId', (req, res) => this.show(req, res));
    router.post('/:orderId/release', (req, res) => this.release(req, res));
    router.post('/:orderId/commit', (req, res) => this.commit(req, res));
    router.use((_req, res) => {
      res.status(404).json({ code: ErrorCode.NOT_FOUND, message: 'No such internal route' });
    });
    router.use(this.errorHandler);
    app.use(RESERVATIONS_PATH, router);
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

  /** Expected failures as JSON with their code (OUT_OF_STOCK carries the failed lines); never a stack. */
  private readonly errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
    if (err instanceof AppError) {
      const { code, ...details } = err.extensions as { code: string };
      res.status(statusByCode[code] ?? 400).json({ code, message: err.message, ...details });
      return;
    }
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status < 500) {
      // body-parser: malformed JSON (400), too large (413), unsupported charset (415)
      res.status(status).json({ code: 'BAD_REQUEST', message: err.type === 'entity.parse.failed' ? 'Body is not valid JSON' : err.message });
      return;
    }
    this.logger.error({ err }, 'internal reservations route failed');
    res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' });
  };
}
