import { Field, InputType } from 'type-graphql';
import { DeliveryMethod } from '../order/order-status.enum';

@InputType({ description: 'How the orders of a checkout reach the buyer' })
export class CheckoutInput {
  @Field(() => DeliveryMethod, { description: "PICKUP at each seller's stall, or DELIVERY to the address" })
  deliveryMethod!: DeliveryMethod;

  @Field(() => String, { nullable: true, description: 'Required for DELIVERY: where to deliver (up to 300 characters, one line)' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'For the sellers (up to 500 characters)' })
  notes?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retried checkout safe: the same key (or Idempotency-Key header) from the same buyer returns the orders the first attempt ' +
      'placed instead of placing new ones. 1 to 100 visible ASCII characters, e.g. a UUID made when the client shows the checkout button.',
  })
  idempotencyKey?: string | null;
}
