// The rankings of the reports contract (docs/architecture.md): names and shapes fixed.
import { Field, Int, ObjectType } from 'type-graphql';
import { Category, Product, User } from './federation.stubs';

export const RANKING_SALES =
  'Sales are paid orders not cancelled, on the Guayaquil day they were paid, less what was refunded of them; a partial refund ' +
  "is spread over the order's lines in proportion to their totals, in whole cents (largest remainder), so products and " +
  "categories add up to the seller's revenue exactly";

@ObjectType({ description: `A seller's sales in a ranking. ${RANKING_SALES}` })
export class SellerRank {
  @Field(() => User, { description: 'The seller' })
  seller!: User;

  @Field(() => Int, { description: 'Net revenue in US cents: totals less refunds' })
  revenueCents!: number;

  @Field(() => Int, { description: 'Sales (paid, not cancelled orders)' })
  orders!: number;
}

@ObjectType({ description: `A product's sales in a ranking. ${RANKING_SALES}` })
export class ProductRank {
  @Field(() => Product, { description: 'The product' })
  product!: Product;

  @Field(() => Int, { description: 'Units sold in sales (a refund gives money back, not units: they still count)' })
  quantitySold!: number;

  @Field(() => Int, { description: "Net revenue in US cents: its lines' totals less their share of refunds" })
  revenueCents!: number;
}

@ObjectType({ description: `A category's sales: its products' (the category catalog last gave them). ${RANKING_SALES}` })
export class CategorySales {
  @Field(() => Category, { description: 'The category' })
  category!: Category;

  @Field(() => Int, { description: "Net revenue in US cents of its products' sales" })
  revenueCents!: number;

  @Field(() => Int, { description: 'Units of its products sold' })
  quantitySold!: number;
}

@ObjectType({
  description:
    "One RFM segment of the market's buyers, from their sales (paid, not cancelled orders, net of refunds). A buyer is LOST when " +
    'the last purchase was more than 90 days ago; AT_RISK when more than 30 and at most 90 days ago; otherwise (bought within 30 ' +
    'days) VIP with 5 purchases or more or US$500.00 or more spent in all, RECURRING with 2 to 4 purchases, NEW with 1. A buyer ' +
    'without a sale is in no segment',
})
export class CustomerSegment {
  @Field(() => String, { description: 'NEW, RECURRING, VIP, AT_RISK or LOST (every one listed, in this order, empty ones at 0)' })
  segment!: string;

  @Field(() => Int, { description: 'Buyers in the segment' })
  customers!: number;

  @Field(() => Int, { description: "Their net revenue of all time in US cents (all their sales', less refunds)" })
  revenueCents!: number;
}
