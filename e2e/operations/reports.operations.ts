// The reports operations a back-office screen sends, typed by GraphQL Code Generator (npm run codegen).
import { graphql } from '../__generated__';

export const DashboardQuery = graphql(`
  query Dashboard {
    dashboard {
      revenueTodayCents
      ordersToday
      ordersByStatus {
        status
        count
      }
      averageOrderCents
      lowStockCount
    }
  }
`);

export const SalesReportQuery = graphql(`
  query SalesReport($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {
    salesReport(from: $from, to: $to, granularity: $granularity) {
      periodStart
      orders
      revenueCents
    }
  }
`);
