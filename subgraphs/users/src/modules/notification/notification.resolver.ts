import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DomainTopic, type NotificationAddedPayload } from '@espigon/kit/events/domain-events';
import { liveEvents } from '@espigon/kit/events/live-events';
import type { OutboxEnvelope } from '@espigon/kit/events/outbox.entity';
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION } from '@espigon/kit/graphql/connection';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { UsersContext } from '../../users.context';
import { NotificationConnection } from './notification-connection.type';
import { Notification } from './notification.entity';

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The viewer's own inbox, newest first" })
  notifications(
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Arg('unreadOnly', () => Boolean, { nullable: true, description: 'Only those not read yet' }) unreadOnly: boolean | null,
    @Ctx() ctx: UsersContext,
  ): Promise<NotificationConnection> {
    requireViewer(ctx);
    return ctx.services.notifications.list(ctx, { first, after, unreadOnly });
  }

  @Query(() => Int, { description: "How many of the viewer's notifications are not read yet" })
  unreadNotificationCount(@Ctx() ctx: UsersContext): Promise<number> {
    requireViewer(ctx);
    return ctx.services.notifications.unreadCount(ctx);
  }

  @Mutation(() => Int, {
    description: "Marks the viewer's notifications read (all of them without ids, at most 100 ids); returns how many changed",
  })
  markNotificationsRead(
    @Arg('ids', () => [ID], {
      nullable: true,
      description: "At most 100 notification ids; others' ids and those already read are not counted. Without ids: every one of the viewer's",
    })
    ids: string[] | null,
    @Ctx() ctx: UsersContext,
  ): Promise<number> {
    requireViewer(ctx);
    return ctx.services.notifications.markRead(ctx, ids);
  }

  @Subscription(() => Notification, {
    description: "Each notification that lands in the viewer's own inbox",
    subscribe: ({ context }: { context: UsersContext }) => {
      const viewer = requireViewer(context);
      return liveEvents<NotificationAddedPayload>(context.events, [DomainTopic.NOTIFICATION_ADDED], (e) => e.payload.userId === viewer.id);
    },
  })
  notificationAdded(@Root() event: OutboxEnvelope<NotificationAddedPayload>, @Ctx() ctx: UsersContext): Promise<Notification> {
    // read afresh: the subscription's context outlives many events
    return ctx.em.fork().findOneOrFail(Notification, { id: event.payload.notificationId });
  }
}
