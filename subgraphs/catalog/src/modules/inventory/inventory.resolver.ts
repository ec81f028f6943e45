import { Role } from '@espigon/kit/auth/role';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { CatalogContext } from '../../catalog.context';
import { Inventory } from './inventory.entity';

@Resolver(() => Inventory)
export class InventoryResolver {
  @Mutation(() => Inventory, {
    description:
      'The seller of the product (or an ADMIN) adds or removes stock; never below what is reserved (BAD_USER_INPUT on delta). ' +
      'Taking what is available to or below the low-stock threshold alerts the seller (inventoryAlert)',
  })
  adjustInventory(
    @Arg('productId', () => ID, { description: "The product's id (NOT_FOUND when it does not exist or is deleted)" }) productId: string,
    @Arg('delta', () => Int, { description: 'Units to add (positive) or remove (negative): not 0, at most 1,000,000 either way' }) delta: number,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Kept in the stock ledger, e.g. "merma", "llegó la lancha": at most 200 characters',
    })
    reason: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<Inventory> {
    return (requireViewer(ctx, [Role.SELLER, Role.ADMIN]), ctx.services.inventory.adjust(ctx, productId, delta, reason));
  }
}
