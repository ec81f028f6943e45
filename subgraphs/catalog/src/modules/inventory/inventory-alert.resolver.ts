// Low-stock and sold-out alerts, live: a seller gets its own products' alerts, an admin every one; a client may not
// subscribe. Served over graphql-ws to the gateway, which resolves other subgraphs' fields of each alert.
import { Role } from '@espigon/kit/auth/role';
import { DomainTopic, type InventoryAlertPayload } from '@espigon/kit/events/domain-events';
import { liveEvents } from '@espigon/kit/events/live-events';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { requireViewer } from '@espigon/kit/server/request-context';
import { Ctx, Field, Int, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { createCatalogLoaders, type CatalogContext } from '../../catalog.context';
import { Product } from '../product/product.entity';

@ObjectType({ description: "A product's available stock fell to or below its threshold, or it sold out" })
export class InventoryAlert {
  @Field(() => Product, { description: 'The product whose stock ran low' })
  product!: Product;

  @Field(() => Int, { description: 'What could still be ordered when the alert was raised (0: sold out)' })
  quantityAvailable!: number;

  @Field(() => Int, { description: 'The threshold it fell to or below' })
  lowStockThreshold!: number;
}

@Resolver()
export class InventoryAlertResolver {
  @Subscription(() => InventoryAlert, {
    description: 'SELLER: alerts of its own products; ADMIN: all (CLIENT: FORBIDDEN)',
    subscribe: ({ context }: { context: CatalogContext }) => {
      const viewer = requireViewer(context, [Role.SELLER, Role.ADMIN]);
      return liveEvents<InventoryAlertPayload>(
        context.events,
        [DomainTopic.INVENTORY_ALERT],
        (e) => viewer.role === Role.ADMIN || e.payload.sellerId === viewer.id,
      );
    },
  })
  async inventoryAlert(@Root() event: OutboxEnvelope<InventoryAlertPayload>, @Ctx() ctx: CatalogContext): Promise<InventoryAlert> {
    // each alert read afresh: the subscription's context outlives many events
    const em = ctx.em.fork();
    Object.assign(ctx, { em, loaders: createCatalogLoaders({ ...ctx, em }, ctx.services.products) });
    const product = await em.findOneOrFail(Product, { id: event.payload.productId });
    return Object.assign(new InventoryAlert(), {
      product,
      quantityAvailable: event.payload.quantityAvailable,
      lowStockThreshold: event.payload.lowStockThreshold,
    });
  }
}
