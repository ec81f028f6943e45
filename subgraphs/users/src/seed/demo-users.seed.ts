// Demo accounts (README lists their credentials); inserted once, skipped when they exist.
import type { EntityManager } from '@espigon/kit/database/orm';
import { demoAccounts } from './demo-accounts';
import type { PasswordHasher } from '../modules/auth/password-hasher';
import { Role } from '../modules/user/role.enum';
import { User } from '../modules/user/user.entity';

export async function seedDemoUsers(em: EntityManager, hasher: PasswordHasher): Promise<number> {
  const existing = new Set((await em.find(User, { id: { $in: demoAccounts.map((a) => a.id) } })).map((u) => u.id));
  const missing = demoAccounts.filter((a) => !existing.has(a.id));
  for (const account of missing) {
    em.create(User, {
      id: account.id,
      email: account.email,
      name: account.name,
      role: account.role as Role,
      phone: account.phone ?? null,
      stallName: account.stallName ?? null,
      pierSection: account.pierSection ?? null,
      passwordHash: await hasher.hash(account.password),
    } as User);
  }
  await em.flush();
  return missing.length;
}
