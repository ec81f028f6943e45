import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { PartnerDelivery } from './partner.entity';

@ObjectType({ description: "A page of a partner's webhook deliveries (Relay connection)" })
export class PartnerDeliveryConnection extends ConnectionType('PartnerDelivery', PartnerDelivery) {}
