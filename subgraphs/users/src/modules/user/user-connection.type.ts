import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { User } from './user.entity';

@ObjectType()
export class UserConnection extends ConnectionType('User', User) {}
