import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Catalog's Product, referenced by id from cart and order lines; catalog resolves it. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Product')
export class Product {
  @Field(() => ID)
  id!: string;

  static of(id: string): Product {
    return Object.assign(new Product(), { id });
  }
}
