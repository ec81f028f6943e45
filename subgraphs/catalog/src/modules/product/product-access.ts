// Who may see and who may change a product.
import { Role } from '@espigon/kit/auth/role';
import type { Viewer } from '@espigon/kit/auth/access-token';
import { ForbiddenError } from '@espigon/kit/errors';
import type { Product } from './product.entity';

export function isOwnerOrAdmin(product: Pick<Product, 'sellerId'>, viewer: Viewer | null): boolean {
  return viewer?.role === Role.ADMIN || (viewer?.role === Role.SELLER && viewer.id === product.sellerId);
}

/** Deleted products are gone for everyone; unlisted ones only for their owner and administrators. */
export function canView(product: Pick<Product, 'sellerId' | 'listed' | 'deletedAt'>, viewer: Viewer | null): boolean {
  if (product.deletedAt) return false;
  return product.listed || isOwnerOrAdmin(product, viewer);
}

/** The seller who owns the product, or an administrator. */
export function assertCanManage(product: Pick<Product, 'sellerId'>, viewer: Viewer): void {
  if (!isOwnerOrAdmin(product, viewer)) throw new ForbiddenError('Only the seller of this product or an administrator may change it');
}
