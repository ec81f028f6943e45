// The cart as the client sees it: its lines priced with what catalog says now, and the lines it can no longer buy.
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('CartItem', { description: 'A line of the cart, priced as the product is now' })
export class CartItemView {
  @Field(() => ID, { description: "The line's id, for updateCartItem" })
  id!: string;

  productId!: string;

  @Field(() => Int, { description: "Units wanted, in the product's unit: 1 to 1000" })
  quantity!: number;

  @Field(() => String, { description: "The product's name now" })
  productName!: string;

  @Field(() => Int, { description: 'Price of one unit now, in US cents' })
  unitPriceCents!: number;

  @Field(() => Int, { description: 'unitPriceCents × quantity' })
  lineTotalCents!: number;

  @Field(() => Int, { description: 'What can be ordered of the product now' })
  quantityAvailable!: number;

  @Field(() => Boolean, { description: 'The quantity can be ordered now (checkout reserves it, or refuses with OUT_OF_STOCK)' })
  available!: boolean;
}

@ObjectType({ description: 'A line whose product is no longer on sale (unlisted or deleted): checkout refuses it until removed' })
export class UnavailableCartItem {
  @Field(() => ID, { description: "The line's id: remove it with updateCartItem(quantity: 0)" })
  id!: string;

  @Field(() => ID, { description: "The product's id" })
  productId!: string;

  @Field(() => String, { description: 'The name it had when it was added' })
  productName!: string;

  @Field(() => Int, { description: 'Units that were wanted' })
  quantity!: number;
}

@ObjectType('Cart', {
  description:
    "A client's cart, seen only by its owner: one per client, at most 50 different products, emptied of what was bought by a successful checkout",
})
export class CartView {
  @Field(() => ID, { description: "The cart's id" })
  id!: string;

  @Field(() => [CartItemView], { description: 'Lines whose products are on sale, oldest first' })
  items!: CartItemView[];

  @Field(() => [UnavailableCartItem], { description: 'Lines whose products were unlisted or deleted since they were added' })
  unavailableItems!: UnavailableCartItem[];

  @Field(() => Int, { description: "Sum of the items at today's prices, in US cents" })
  subtotalCents!: number;
}
