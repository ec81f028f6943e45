import { ObjectType } from 'type-graphql';
import { ConnectionType } from '@espigon/kit/graphql/connection';
import { Notification } from './notification.entity';

@ObjectType({ description: "A page of the viewer's notifications (Relay connection)" })
export class NotificationConnection extends ConnectionType('Notification', Notification) {}
