import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { Product } from './product.entity';

@ObjectType()
export class ProductConnection extends ConnectionType('Product', Product) {}
