import { Field, ID, InputType, Int } from 'type-graphql';
import { Unit } from './unit.enum';

@InputType({ description: 'Which products to list; every condition given must hold' })
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Spanish full-text search, accents ignored ("atun" finds "Atún")' })
  search?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true })
  subcategoryId?: string | null;

  @Field(() => ID, { nullable: true })
  sellerId?: string | null;

  @Field(() => Int, { nullable: true })
  minPriceCents?: number | null;

  @Field(() => Int, { nullable: true })
  maxPriceCents?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only products that can be ordered now (listed, with stock available)' })
  availableOnly?: boolean | null;
}

@InputType()
export class CreateProductInput {
  @Field(() => String, { description: '2 to 120 characters' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters' })
  description?: string | null;

  @Field(() => Int, { description: 'Price of one unit in US cents; more than 0' })
  priceCents!: number;

  @Field(() => Unit)
  unit!: Unit;

  @Field(() => ID)
  subcategoryId!: string;

  @Field(() => Int, { description: 'Initial stock, in units; more than 0' })
  quantityOnHand!: number;

  @Field(() => Int, { nullable: true, description: 'Alert when available falls to this or below; default 0 (sold out)' })
  lowStockThreshold?: number | null;

  @Field(() => [String], { nullable: true, description: 'http(s) URLs, at most 10' })
  imageUrls?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When the catch was landed' })
  caughtAt?: Date | null;
}

@InputType({ description: 'Only the fields given change; description, caughtAt and imageUrls may be set to null to clear them' })
export class UpdateProductInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true })
  priceCents?: number | null;

  @Field(() => Unit, { nullable: true })
  unit?: Unit | null;

  @Field(() => ID, { nullable: true })
  subcategoryId?: string | null;

  @Field(() => [String], { nullable: true })
  imageUrls?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'false hides the product from browsing without deleting it' })
  listed?: boolean | null;

  @Field(() => Date, { nullable: true })
  caughtAt?: Date | null;

  @Field(() => Int, { nullable: true })
  lowStockThreshold?: number | null;
}
