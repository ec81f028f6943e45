import { Field, ID, InputType, Int } from 'type-graphql';
import { Unit } from './unit.enum';

const NAME = 'What it is, e.g. "Camarón pomada": 2 to 120 characters';
const DESCRIPTION = 'Free text, at most 2000 characters';
const PRICE = 'Price of one unit, in US cents: 1 to 10,000,000 (US$100,000)';
const THRESHOLD = 'The seller is alerted when the available quantity falls to this or below: 0 to 1,000,000; default 0 (when it sells out)';
const IMAGE_URLS = 'Photos: at most 10 absolute http(s) URLs of at most 2048 characters each';
const CAUGHT_AT = 'When the catch was landed (UTC); not in the future';

@InputType({ description: 'Which products to list; every condition given must hold' })
export class ProductFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Spanish full-text search of name and description, accents ignored ("atun" finds "Atún"), with a fallback for typos; at most 200 characters',
  })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only products of this category (in any of its subcategories)' })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only products of this subcategory' })
  subcategoryId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this seller's listings" })
  sellerId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only products priced at least this (one unit, in US cents; 0 or more)' })
  minPriceCents?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only products priced at most this (one unit, in US cents; not below minPriceCents)' })
  maxPriceCents?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only products that can be ordered now (listed, with stock available)' })
  availableOnly?: boolean | null;
}

@InputType({ description: "A new listing of the seller's own, on sale at once; every field is checked (BAD_USER_INPUT naming the field)" })
export class CreateProductInput {
  @Field(() => String, { description: NAME })
  name!: string;

  @Field(() => String, { nullable: true, description: DESCRIPTION })
  description?: string | null;

  @Field(() => Int, { description: PRICE })
  priceCents!: number;

  @Field(() => Unit, { description: 'What one unit of price and stock is' })
  unit!: Unit;

  @Field(() => ID, { description: 'An existing subcategory (BAD_USER_INPUT otherwise)' })
  subcategoryId!: string;

  @Field(() => Int, { description: "Initial stock, in the product's unit: 1 to 1,000,000" })
  quantityOnHand!: number;

  @Field(() => Int, { nullable: true, description: THRESHOLD })
  lowStockThreshold?: number | null;

  @Field(() => [String], { nullable: true, description: IMAGE_URLS })
  imageUrls?: string[] | null;

  @Field(() => Date, { nullable: true, description: CAUGHT_AT })
  caughtAt?: Date | null;
}

@InputType({
  description:
    'Only the fields given change; description, caughtAt and imageUrls may be set to null to clear them, the others may not ' +
    '(BAD_USER_INPUT). Stock changes through adjustInventory',
})
export class UpdateProductInput {
  @Field(() => String, { nullable: true, description: NAME })
  name?: string | null;

  @Field(() => String, { nullable: true, description: `${DESCRIPTION}; null clears it` })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: `${PRICE} (orders already placed keep their price)` })
  priceCents?: number | null;

  @Field(() => Unit, { nullable: true, description: 'What one unit of price and stock is' })
  unit?: Unit | null;

  @Field(() => ID, { nullable: true, description: 'An existing subcategory (BAD_USER_INPUT otherwise)' })
  subcategoryId?: string | null;

  @Field(() => [String], { nullable: true, description: `${IMAGE_URLS}; replaces the list (null or [] clears it)` })
  imageUrls?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'false hides the product from browsing without deleting it; true lists it again' })
  listed?: boolean | null;

  @Field(() => Date, { nullable: true, description: `${CAUGHT_AT}; null clears it` })
  caughtAt?: Date | null;

  @Field(() => Int, { nullable: true, description: THRESHOLD })
  lowStockThreshold?: number | null;
}
