// POST /webhooks/partners/:partnerId: a partner's own webhooks (e.g. a delivery partner reporting a delivery), verified
// as Standard Webhooks (webhook-id, webhook-timestamp within 5 minutes, webhook-signature with the partner's secret) on
// the raw body, and recorded once per webhook-id. A bad signature is 400 with nothing written; an unknown partner 404.
import express, { type Express, type Request, type Response } from 'express';
import type { Orm } from '@espigon/kit/database/orm';
import { AppError, ErrorCode } from '@espigon/kit/errors';
import type { Logger } from '@espigon/kit/logger';
import type { PartnerService } from './partner.service';

export class PartnerWebhookController {
  constructor(
    private readonly partners: PartnerService,
    private readonly orm: Orm,
    private readonly logger: Logger,
  ) {}

  mount(app: Express): void {
    app.post('/webhooks/partners/:partnerId', express.raw({ type: () => true, limit: '256kb' }), (req, res) => this.receive(req, res));
  }

  private async receive(req: Request, res: Response): Promise<void> {
    const headers = Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(req.headers[name] ?? '')]),
    );
    if (!Buffer.isBuffer(req.body) || Object.values(headers).some((v) => !v) || headers['webhook-id'].length > 255) {
      res.status(400).json({ code: 'BAD_REQUEST', message: 'webhook-id, webhook-timestamp and webhook-signature headers and a body are required' });
      return;
    }
    try {
      const outcome = await this.partners.receive(this.orm.em.fork(), String(req.params.partnerId), req.body.toString('utf8'), headers);
      this.logger.info({ partnerId: req.params.partnerId, webhookId: headers['webhook-id'], outcome }, 'partner webhook');
      res.json({ received: true, outcome });
    } catch (err) {
      if (err instanceof AppError && err.extensions.code === ErrorCode.NOT_FOUND) {
        res.status(404).json({ code: ErrorCode.NOT_FOUND, message: 'No such partner' });
        return;
      }
      // a bad signature, or (signed by the partner itself) a body that is not JSON
      if (err instanceof Error && (err.name === 'WebhookVerificationError' || err instanceof SyntaxError)) {
        res
          .status(400)
          .json({ code: 'BAD_SIGNATURE', message: 'The signature does not verify (wrong secret, altered body, or older than 5 minutes)' });
        return;
      }
      throw err;
    }
  }
}
