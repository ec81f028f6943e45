import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph's Order, as payments sees it: its key. Payments adds `Order.payment`. */
@Directive('@key(fields: "id")')
@ObjectType('Order')
export class Order {
  @Field(() => ID)
  id!: string;

  static of(id: string): Order {
    return Object.assign(new Order(), { id });
  }
}

export function resolveOrderReference(reference: Pick<Order, 'id'>): Order {
  return Order.of(reference.id);
}
