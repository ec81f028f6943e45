// The typed client of catalog's internal product lookup (/internal/products), for the orders subgraph's carts and
// checkouts: what each product is now (seller, name, price, whether it can be ordered, how much is available).
import { InternalClient, type InternalClientOptions } from './internal-client';

export interface ProductForOrders {
  id: string;
  sellerId: string;
  name: string;
  priceCents: number;
  unit: string;
  /** Listed and not deleted: on sale, even when sold out. */
  visible: boolean;
  /** Listed, not deleted, and at least one unit available. */
  orderable: boolean;
  quantityAvailable: number;
}

export class CatalogProductsClient {
  private readonly client: InternalClient;

  constructor(options: InternalClientOptions) {
    this.client = new InternalClient('catalog', new URL('/internal/products/', options.baseUrl), options);
  }

  /** The products among `ids` that exist (deleted ones included, as not orderable), keyed by id. At most 100 ids. */
  async lookup(ids: readonly string[]): Promise<Map<string, ProductForOrders>> {
    if (!ids.length) return new Map();
    const { products } = await this.client.call<{ products: ProductForOrders[] }>('POST', 'lookup', { ids: [...new Set(ids)] });
    return new Map(products.map((p) => [p.id, p]));
  }
}
