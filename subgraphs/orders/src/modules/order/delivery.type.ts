import { Field, ObjectType } from 'type-graphql';
import { DeliveryMethod } from './order-status.enum';

@ObjectType({ description: 'How the order reaches the buyer' })
export class Delivery {
  @Field(() => DeliveryMethod, { description: 'Pickup at the stall, or delivery to the address' })
  method!: DeliveryMethod;

  @Field(() => String, { nullable: true, description: 'Where to deliver (DELIVERY only)' })
  address!: string | null;

  @Field(() => String, {
    description: 'AWAITING_PAYMENT, SCHEDULED, PREPARING, READY_FOR_PICKUP, OUT_FOR_DELIVERY, DELIVERED or CANCELLED (follows the order)',
  })
  status!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When it is to be handed over, once scheduled (UTC); no flow schedules deliveries yet, so null for now',
  })
  scheduledFor!: Date | null;
}
