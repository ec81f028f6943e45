import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../../kit/src/graphql/connection';
import { User } from './user.entity';

@ObjectType()
export class UserConnection extends ConnectionType('User', User) {}
