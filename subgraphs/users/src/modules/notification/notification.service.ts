// The viewer's inbox (read, count, mark read) and the one place notifications are written (deliver), which a live
// `notificationAdded` subscription pushes (through the outbox, once the transaction commits).
import { DomainTopic, type NotificationAddedPayload } from '@espigon/kit/events/domain-events';
import { recordOutboxEvent } from '@espigon/kit/events/outbox.entity';
import type { FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import type { ServiceContext } from '@espigon/kit/server/service-context';
import { actor } from '@espigon/kit/server/service-context';
import { isUuid } from '@espigon/kit/database/uuid';
import { pageSize, toConnection } from '@espigon/kit/graphql/connection';
import { parseInput } from '@espigon/kit/validation';
import { afterNewestFirst, newestFirstCursor, newestFirstOrder } from '@espigon/kit/graphql/newest-first-cursor';
import type { NotificationDraft } from './notification-rules';
import { NotificationConnection } from './notification-connection.type';
import { Notification } from './notification.entity';

export const MARK_READ_IDS_MAX = 100;

const markReadIds = z
  .array(z.string().refine(isUuid, 'must be a notification id'))
  .max(MARK_READ_IDS_MAX, `at most ${MARK_READ_IDS_MAX} ids`)
  .nullable()
  .optional();

export class NotificationService {
  /** The viewer's own, newest first (keyset cursor on createdAt, id); unreadOnly keeps those not read yet. */
  async list(
    ctx: ServiceContext,
    args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null },
  ): Promise<NotificationConnection> {
    const viewer = actor(ctx);
    const limit = pageSize(args.first);
    const where: FilterQuery<Notification> = args.unreadOnly ? { userId: viewer.id, readAt: null } : { userId: viewer.id };
    const pageWhere: FilterQuery<Notification> = args.after ? { $and: [where, afterNewestFirst<Notification>(args.after)] } : where;
    const rows = await ctx.em.find(Notification, pageWhere, { orderBy: newestFirstOrder, limit: limit + 1 });
    // counted only when the client asks for totalCount
    return toConnection(NotificationConnection, rows, limit, () => ctx.em.count(Notification, where), newestFirstCursor);
  }

  unreadCount(ctx: ServiceContext): Promise<number> {
    return ctx.em.count(Notification, { userId: actor(ctx).id, readAt: null });
  }

  /**
   * Marks the viewer's unread notifications among `ids` (all of them without ids) as read; returns how many changed.
   * Ids of other users' notifications, unknown ones and ones already read change nothing and are not counted.
   */
  async markRead(ctx: ServiceContext, ids?: string[] | null): Promise<number> {
    const viewer = actor(ctx);
    const valid = parseInput(markReadIds, ids, 'ids');
    if (valid && valid.length === 0) return 0;
    const where: FilterQuery<Notification> = { userId: viewer.id, readAt: null };
    if (valid) where.id = { $in: [...new Set(valid.map((id) => id.toLowerCase()))] };
    return ctx.em.nativeUpdate(Notification, where, { readAt: new Date() });
  }

  /**
   * Writes the notifications an event caused, in the caller's transaction (`ctx.em`). Each (event, recipient) is
   * written once whatever the deliveries; returns those written now.
   */
  async deliver(ctx: ServiceContext, eventId: string, drafts: NotificationDraft[]): Promise<Notification[]> {
    if (drafts.length === 0) return [];
    const createdAt = new Date();
    const rows = drafts.map((draft) => Object.assign(new Notification(), draft, { eventId, createdAt }));
    const written: { id: string }[] = await ctx.em
      .createQueryBuilder(Notification)
      .insert(rows.map((row) => ({ ...row })))
      .onConflict(['eventId', 'userId'])
      .ignore()
      .returning(['id'])
      .execute('all');
    const ids = new Set(written.map((row) => row.id));
    const delivered = rows.filter((row) => ids.has(row.id));
    // pushed live to their owner once this transaction commits (the outbox relay), for notificationAdded
    for (const row of delivered) {
      const payload: NotificationAddedPayload = { notificationId: row.id, userId: row.userId };
      recordOutboxEvent(ctx.em, DomainTopic.NOTIFICATION_ADDED, { ...payload }, { userIds: [row.userId] });
    }
    return delivered;
  }
}
