import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { Order } from './order.entity';

@ObjectType({ description: 'A page of orders (Relay connection)' })
export class OrderConnection extends ConnectionType('Order', Order) {}
