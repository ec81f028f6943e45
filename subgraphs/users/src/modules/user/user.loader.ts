import DataLoader from 'dataloader';
import type { EntityManager } from '../../../../kit/src/database/orm';
import { isUuid } from '../../../../kit/src/database/uuid';
import { User } from './user.entity';

/** One query per request for every user the request touches (federation references, nested fields). */
export function createUserLoader(em: EntityManager): DataLoader<string, User | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const users = valid.length ? await em.find(User, { id: { $in: valid } }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
