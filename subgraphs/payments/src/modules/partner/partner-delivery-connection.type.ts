import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { PartnerDelivery } from './partner.entity';

@ObjectType()
export class PartnerDeliveryConnection extends ConnectionType('PartnerDelivery', PartnerDelivery) {}
