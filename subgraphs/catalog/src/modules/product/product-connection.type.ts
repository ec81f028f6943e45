import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { Product } from './product.entity';

@ObjectType({ description: 'A page of products (Relay connection)' })
export class ProductConnection extends ConnectionType('Product', Product) {}
