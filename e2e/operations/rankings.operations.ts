// The reports' rankings a back-office screen sends, typed by GraphQL Code Generator (npm run codegen).
import { graphql } from '../__generated__';

export const TopSellersQuery = graphql(`
  query TopSellers($from: DateTime, $to: DateTime, $limit: Int) {
    topSellers(from: $from, to: $to, limit: $limit) {
      seller {
        id
        name
      }
      revenueCents
      orders
    }
  }
`);

export const TopProductsQuery = graphql(`
  query TopProducts($from: DateTime, $to: DateTime, $limit: Int) {
    topProducts(from: $from, to: $to, limit: $limit) {
      product {
        id
        name
      }
      quantitySold
      revenueCents
    }
  }
`);

export const SalesByCategoryQuery = graphql(`
  query SalesByCategory($from: DateTime, $to: DateTime) {
    salesByCategory(from: $from, to: $to) {
      category {
        id
        name
      }
      revenueCents
      quantitySold
    }
  }
`);

export const CustomerSegmentsQuery = graphql(`
  query CustomerSegments {
    customerSegments {
      segment
      customers
      revenueCents
    }
  }
`);

export const LowStockProductsQuery = graphql(`
  query LowStockProducts {
    lowStockProducts {
      id
      name
    }
  }
`);
