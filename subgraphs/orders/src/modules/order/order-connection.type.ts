import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { Order } from './order.entity';

@ObjectType()
export class OrderConnection extends ConnectionType('Order', Order) {}
