import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The users subgraph's User, as catalog sees it: only its key. `Product.seller` returns it (the users
 * subgraph fills in the rest) and catalog adds `User.products` to it. Never stored: sellerId is a column.
 */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class User {
  @Field(() => ID)
  id!: string;

  static of(id: string): User {
    return Object.assign(new User(), { id });
  }
}
