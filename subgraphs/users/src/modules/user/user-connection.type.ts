import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { User } from './user.entity';

@ObjectType({ description: 'A page of accounts (Relay connection)' })
export class UserConnection extends ConnectionType('User', User) {}
