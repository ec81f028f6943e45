import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The users subgraph's User, as orders sees it: only its key. Orders adds `User.cart` and `User.orders` to it. */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class User {
  @Field(() => ID)
  id!: string;

  static of(id: string): User {
    return Object.assign(new User(), { id });
  }
}

/** Any id is a user as far as orders knows: one that never bought has no orders. */
export function resolveUserReference(reference: Pick<User, 'id'>): User {
  return User.of(reference.id);
}
