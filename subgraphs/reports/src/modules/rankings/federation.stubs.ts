// Other subgraphs' entities, as reports names them: only their key. Reports returns them by id and the gateway asks
// their owners (users for User, catalog for Product and Category) for everything else.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
export class User {
  @Field(() => ID)
  id!: string;

  static of(id: string): User {
    return Object.assign(new User(), { id });
  }
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Product')
export class Product {
  @Field(() => ID)
  id!: string;

  static of(id: string): Product {
    return Object.assign(new Product(), { id });
  }
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Category')
export class Category {
  @Field(() => ID)
  id!: string;

  static of(id: string): Category {
    return Object.assign(new Category(), { id });
  }
}
