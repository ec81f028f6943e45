import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { Notification } from './notification.entity';

@ObjectType()
export class NotificationConnection extends ConnectionType('Notification', Notification) {}
