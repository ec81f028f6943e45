// The cart as the client sees it: its lines priced with what catalog says now, and the lines it can no longer buy.
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('CartItem', { description: 'A line of the cart, priced as the product is now' })
export class CartItemView {
  @Field(() => ID)
  id!: string;

  productId!: string;

  @Field(() => Int)
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
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => String, { description: 'The name it had when it was added' })
  productName!: string;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType('Cart', { description: "A client's cart: one per client, emptied by a successful checkout" })
export class CartView {
  @Field(() => ID)
  id!: string;

  @Field(() => [CartItemView], { description: 'Lines whose products are on sale, oldest first' })
  items!: CartItemView[];

  @Field(() => [UnavailableCartItem], { description: 'Lines whose products were unlisted or deleted since they were added' })
  unavailableItems!: UnavailableCartItem[];

  @Field(() => Int, { description: 'Sum of the items at today\'s prices, in US cents' })
  subtotalCents!: number;
}
