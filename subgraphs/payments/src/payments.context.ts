import DataLoader from 'dataloader';
import { createEntityLoader } from '@espigon/kit/database/entity-loader';
import type { EntityManager } from '@espigon/kit/database/orm';
import type { RequestContext } from '@espigon/kit/server/request-context';
import { Payment } from './modules/payment/payment.entity';
import type { PaymentService } from './modules/payment/payment.service';
import type { PartnerService } from './modules/partner/partner.service';

export interface PaymentsServices {
  payments: PaymentService;
  partners: PartnerService;
}

export interface PaymentsContext extends RequestContext {
  services: PaymentsServices;
  loaders: {
    paymentByOrder: DataLoader<string, Payment | null>;
    /** Payments by id, read-only (Payment references): a batch of them in one statement. */
    payment: DataLoader<string, Payment | null>;
  };
  /** Mock mode outside production: simulateCardPayment is allowed. */
  simulation: boolean;
}

export function createPaymentsLoaders(em: EntityManager): PaymentsContext['loaders'] {
  return {
    paymentByOrder: new DataLoader(async (orderIds) => {
      const rows = await em.find(Payment, { orderId: { $in: [...orderIds] } });
      const byOrder = new Map(rows.map((p) => [p.orderId, p]));
      return orderIds.map((id) => byOrder.get(id) ?? null);
    }),
    payment: createEntityLoader(em, Payment),
  };
}
