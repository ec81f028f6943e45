// Products: browsing and search, and a seller's own listings (create, update, unlist, soft delete).
import type { Viewer } from '@espigon/kit/auth/access-token';
import type { ProductForOrders } from '@espigon/kit/clients/catalog-products.client';
import type { EntityManager } from '@espigon/kit/database/orm';
import { actor, type ServiceContext } from '@espigon/kit/server/service-context';
import { BadUserInputError, NotFoundError } from '@espigon/kit/errors';
import { pageSize, toConnection } from '@espigon/kit/graphql/connection';
import { readOnlyRowMapper } from '@espigon/kit/database/read-only-rows';
import { Subcategory } from '../category/subcategory.entity';
import { Inventory } from '../inventory/inventory.entity';
import { assertCanManage, canView } from './product-access';
import { buildProductListQuery, buildSellerListingsQuery, INVENTORY_PREFIX, productCursor, type SearchMode } from './product-list.query';
import * as rules from './product-rules';
import type { ProductSort } from './product-sort.enum';
import { ProductConnection } from './product-connection.type';
import { lockProductStock, recordProductsChanged } from './product-events';
import { Product } from './product.entity';
import type { CreateProductInput, ProductFilter, UpdateProductInput } from './product.inputs';

export interface ProductListArgs {
  filter?: ProductFilter | null;
  sort?: ProductSort | null;
  first?: number | null;
  after?: string | null;
}

type ProductRow = Record<string, unknown> & { cursor_key: string | number };

export class ProductService {
  /**
   * A page of products the viewer may browse, with the total matching the filter. A search that full
   * text cannot match (a stemming miss, a typo) is retried by trigram similarity on the name.
   */
  async list({ em, viewer }: ServiceContext, args: ProductListArgs, stock?: (inventory: Inventory) => void): Promise<ProductConnection> {
    const limit = pageSize(args.first);
    let page = await this.fetchPage(em, viewer, args, limit, 'fulltext');
    // a search is counted at once (no match at all is what sends it to the fuzzy retry); a browse only when asked
    if (page.searching && (await page.totalCount()) === 0) page = await this.fetchPage(em, viewer, args, limit, 'fuzzy');
    // the page's stock came in the same statement: handed to the caller (the inventory loader), not fetched again
    if (stock) for (const { inventory } of page.rows) if (inventory) stock(inventory);
    const cursors = new Map(page.rows.map(({ product, cursorKey }) => [product, cursorKey]));
    const sort = page.sort;
    return toConnection(
      ProductConnection,
      page.rows.map((r) => r.product),
      limit,
      page.totalCount,
      (p) => productCursor(sort, cursors.get(p)!, p.id),
    );
  }

  /** The first page of each seller's listings (newest first), for a batch of sellers in two statements. */
  async firstPagesBySeller({ em, viewer }: ServiceContext, sellerIds: string[], limit: number): Promise<Map<string, ProductConnection>> {
    const query = buildSellerListingsQuery({ sellerIds, viewer, fetch: limit + 1 });
    const [rows, counts] = await Promise.all([
      em.execute<ProductRow[]>(query.pageSql, query.pageParams),
      em.execute<{ seller_id: string; total: number }[]>(query.countSql, query.countParams),
    ]);
    const totals = new Map(counts.map((c) => [c.seller_id, c.total]));
    const bySeller = new Map<string, { product: Product; cursorKey: string | number }[]>(sellerIds.map((id) => [id, []]));
    const toProduct = readOnlyRowMapper(em, Product);
    for (const { cursor_key, rank: _rank, ...columns } of rows) {
      const product = toProduct(columns);
      bySeller.get(product.sellerId)?.push({ product, cursorKey: cursor_key });
    }
    return new Map(
      [...bySeller].map(([sellerId, page]) => {
        const cursors = new Map(page.map(({ product, cursorKey }) => [product, cursorKey]));
        const connection = toConnection(
          ProductConnection,
          page.map((r) => r.product),
          limit,
          totals.get(sellerId) ?? 0,
          (p) => productCursor(query.sort, cursors.get(p)!, p.id),
        );
        return [sellerId, connection];
      }),
    );
  }

  /** The product as the viewer may see it: null when it is deleted, or unlisted and not theirs (admins see all). */
  visible({ viewer }: ServiceContext, product: Product | null): Product | null {
    return product && canView(product, viewer) ? product : null;
  }

  /**
   * What orders needs to know of products it holds in carts and splits checkouts by (internal API): whether each can be
   * ordered now and how much is available. Unknown ids are left out; deleted products come back as not orderable.
   */
  async lookupForOrders({ em }: ServiceContext, ids: readonly string[]): Promise<ProductForOrders[]> {
    if (!ids.length) return [];
    const products = await em.find(Product, { id: { $in: [...new Set(ids)] } });
    const stock = new Map((await em.find(Inventory, { productId: { $in: products.map((p) => p.id) } })).map((i) => [i.productId, i]));
    return products.map((product) => {
      const inventory = stock.get(product.id);
      return {
        id: product.id,
        sellerId: product.sellerId,
        name: product.name,
        priceCents: product.priceCents,
        unit: product.unit,
        visible: product.listed && !product.deletedAt,
        orderable: rules.canBeOrdered(product, inventory),
        quantityAvailable: product.deletedAt || !product.listed ? 0 : Math.max(inventory?.quantityAvailable ?? 0, 0),
      };
    });
  }

  emptyPage(): ProductConnection {
    return toConnection(ProductConnection, [] as Product[], 1, 0, () => '');
  }

  async create(ctx: ServiceContext, input: CreateProductInput): Promise<Product> {
    const { em } = ctx;
    const seller = actor(ctx);
    const fields = {
      name: rules.productName(input.name),
      description: rules.productDescription(input.description),
      priceCents: rules.priceCents(input.priceCents),
      unit: rules.unit(input.unit),
      subcategoryId: rules.requireId(input.subcategoryId, 'subcategoryId'),
      imageUrls: rules.imageUrls(input.imageUrls),
      caughtAt: rules.caughtAt(input.caughtAt),
    };
    const quantityOnHand = rules.initialQuantity(input.quantityOnHand);
    const lowStockThreshold = rules.lowStockThreshold(input.lowStockThreshold);
    await this.assertSubcategoryExists(em, fields.subcategoryId);
    return em.transactional(async (tx) => {
      const product = tx.create(Product, { ...fields, sellerId: seller.id } as Product);
      // inserted first: the inventory row's foreign key points at it (the ORM knows no relation to order them by)
      await tx.flush();
      tx.create(Inventory, { productId: product.id, quantityOnHand, lowStockThreshold } as Inventory);
      await tx.flush();
      await recordProductsChanged(tx, [product.id]);
      return product;
    });
  }

  /** Changes a listing (unlisting and relisting too); product.changed goes out in the same transaction. */
  update(ctx: ServiceContext, id: string, input: UpdateProductInput): Promise<Product> {
    return ctx.em.transactional((em) => this.updateIn({ ...ctx, em }, id, input));
  }

  private async updateIn(ctx: ServiceContext, id: string, input: UpdateProductInput): Promise<Product> {
    const { em } = ctx;
    const product = await this.findManaged(ctx, id);
    // the product's stock row first, as every change of a product or its stock takes it (see recordProductsChanged)
    await lockProductStock(em, product.id);
    const notNull = <T>(value: T | null, field: string): T => {
      if (value === null) throw new BadUserInputError(`${field} cannot be null`, field);
      return value;
    };
    if (input.name !== undefined) product.name = rules.productName(notNull(input.name, 'name'));
    if (input.description !== undefined) product.description = rules.productDescription(input.description);
    if (input.priceCents !== undefined) product.priceCents = rules.priceCents(notNull(input.priceCents, 'priceCents'));
    if (input.unit !== undefined) product.unit = rules.unit(notNull(input.unit, 'unit'));
    if (input.imageUrls !== undefined) product.imageUrls = rules.imageUrls(input.imageUrls);
    if (input.caughtAt !== undefined) product.caughtAt = rules.caughtAt(input.caughtAt);
    if (input.listed !== undefined) product.listed = notNull(input.listed, 'listed');
    if (input.subcategoryId !== undefined) {
      const subcategoryId = rules.requireId(notNull(input.subcategoryId, 'subcategoryId'), 'subcategoryId');
      await this.assertSubcategoryExists(em, subcategoryId);
      product.subcategoryId = subcategoryId;
    }
    if (input.lowStockThreshold !== undefined) {
      const threshold = rules.lowStockThreshold(notNull(input.lowStockThreshold, 'lowStockThreshold'));
      const inventory = await em.findOneOrFail(Inventory, { productId: product.id });
      inventory.lowStockThreshold = threshold;
    }
    await em.flush();
    await recordProductsChanged(em, [product.id]);
    return product;
  }

  /** Soft delete: the product leaves browsing for good, but orders that point at it still resolve it. */
  async delete(ctx: ServiceContext, id: string): Promise<boolean> {
    return ctx.em.transactional(async (em) => {
      const product = await this.findManaged({ ...ctx, em }, id);
      await lockProductStock(em, product.id);
      product.deletedAt = new Date();
      await em.flush();
      await recordProductsChanged(em, [product.id]);
      return true;
    });
  }

  /** A product that is not deleted, which the viewer may change (else NOT_FOUND or FORBIDDEN). */
  async findManaged(ctx: ServiceContext, idInput: string, field = 'id'): Promise<Product> {
    const id = rules.requireId(idInput, field);
    const product = await ctx.em.findOne(Product, { id, deletedAt: null });
    if (!product) throw new NotFoundError('Product');
    assertCanManage(product, actor(ctx));
    return product;
  }

  private async assertSubcategoryExists(em: EntityManager, id: string): Promise<void> {
    if (!(await em.count(Subcategory, { id }))) throw new BadUserInputError('subcategoryId does not exist', 'subcategoryId');
  }

  private async fetchPage(em: EntityManager, viewer: Viewer | null, args: ProductListArgs, limit: number, mode: SearchMode) {
    const query = buildProductListQuery({ filter: args.filter, sort: args.sort, after: args.after, fetch: limit + 1, viewer, mode });
    const rows = await em.execute<ProductRow[]>(query.pageSql, query.pageParams);
    let counted: Promise<number> | undefined;
    const totalCount = () => (counted ??= em.execute<{ total: number }[]>(query.countSql, query.countParams).then(([{ total }]) => total));
    const toProduct = readOnlyRowMapper(em, Product);
    const toInventory = readOnlyRowMapper(em, Inventory);
    return {
      sort: query.sort,
      searching: query.searching,
      totalCount,
      // shown, never changed: read-only objects, not entities in the request's identity map
      rows: rows.map(({ cursor_key, ...columns }) => {
        const [product, inventory] = splitPrefixed(columns, INVENTORY_PREFIX);
        return {
          product: toProduct(product),
          inventory: inventory.product_id == null ? null : toInventory(inventory),
          cursorKey: cursor_key,
        };
      }),
    };
  }
}

/** A row's columns without `prefix`, and those with it (the prefix removed). */
function splitPrefixed(row: Record<string, unknown>, prefix: string): [Record<string, unknown>, Record<string, unknown>] {
  const own: Record<string, unknown> = {};
  const prefixed: Record<string, unknown> = {};
  for (const key in row) {
    if (key.startsWith(prefix)) prefixed[key.slice(prefix.length)] = row[key];
    else own[key] = row[key];
  }
  return [own, prefixed];
}
