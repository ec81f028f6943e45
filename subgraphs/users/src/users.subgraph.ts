// The users subgraph: accounts, roles, seller profiles, sessions (tokens), the login brakes, each user's notification inbox.
import type { SubgraphDefinition } from '@espigon/kit/server/start-subgraph';
import { createEntityLoader } from '@espigon/kit/database/entity-loader';
import { loadOrCreateDevelopmentKeys } from '@espigon/kit/auth/signing-keys';
import { usersConfigSchema, usersProductionRequired, type UsersConfig } from './config';
import { Migration20261123000000_users } from './migrations/Migration20261123000000_users';
import { Migration20261124000000_revoked_access_tokens } from './migrations/Migration20261124000000_revoked_access_tokens';
import { Migration20261125000000_user_name_length } from './migrations/Migration20261125000000_user_name_length';
import { Migration20261129000000_notifications } from './migrations/Migration20261129000000_notifications';
import { AuthService } from './modules/auth/auth.service';
import { AuthRateLimiter } from './modules/auth/auth-rate-limiter';
import { DenylistRestorer } from './modules/auth/denylist-restorer';
import { RevokedAccessToken } from './modules/auth/revoked-access-token.entity';
import { RedisTokenDenylist } from '@espigon/kit/auth/token-denylist';
import { PasswordHasher } from './modules/auth/password-hasher';
import { RefreshToken } from './modules/auth/refresh-token.entity';
import { TokenIssuer } from './modules/auth/token-issuer';
import { notificationConsumer } from './modules/notification/notification.consumer';
import { Notification } from './modules/notification/notification.entity';
import { NotificationService } from './modules/notification/notification.service';
import { User } from './modules/user/user.entity';
import { UserService } from './modules/user/user.service';
import { buildUsersSchema } from './schema';
import { seedDemoUsers } from './seed/demo-users.seed';
import type { UsersContext, UsersServices } from './users.context';

type UsersRuntimeServices = UsersServices & { hasher: PasswordHasher; denylistRestorer: DenylistRestorer | null };

export const usersSubgraph: SubgraphDefinition<UsersConfig, UsersContext, UsersRuntimeServices> = {
  name: 'users',
  configSchema: usersConfigSchema,
  productionRequired: usersProductionRequired,
  entities: [User, RefreshToken, RevokedAccessToken, Notification],
  migrations: [
    Migration20261123000000_users,
    Migration20261124000000_revoked_access_tokens,
    Migration20261125000000_user_name_length,
    Migration20261129000000_notifications,
  ],
  buildSchema: buildUsersSchema,
  createServices: async ({ config, redis, denylist, orm, logger }) => {
    const keys =
      config.JWT_PRIVATE_KEY && config.JWT_PUBLIC_KEY
        ? { privateKey: config.JWT_PRIVATE_KEY, publicKey: config.JWT_PUBLIC_KEY }
        : loadOrCreateDevelopmentKeys(config.DATA_DIR);
    const tokens = new TokenIssuer({
      ...keys,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      refreshAudience: config.JWT_REFRESH_AUDIENCE,
      accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    });
    const limiter = new AuthRateLimiter(
      {
        failuresPerMinute: config.LOGIN_MAX_FAILURES_PER_MINUTE,
        failuresPerHour: config.LOGIN_MAX_FAILURES_PER_HOUR,
        attemptsPerIpPerMinute: config.LOGIN_MAX_ATTEMPTS_PER_IP_PER_MINUTE,
        registrationsPerIpPerHour: config.REGISTER_MAX_PER_IP_PER_HOUR,
      },
      { redis, keyPrefix: config.REDIS_KEY_PREFIX },
    );
    const hasher = new PasswordHasher();
    const denylistRestorer =
      redis && denylist instanceof RedisTokenDenylist
        ? new DenylistRestorer(orm, denylist, redis, logger.child({ component: 'denylist' }), config.DENYLIST_CHECK_INTERVAL_MS)
        : null;
    // loaded before the first request is served, so no token waits on it
    await denylistRestorer?.ensureLoaded();
    const auth = new AuthService(hasher, tokens, limiter, denylist, () => denylistRestorer?.requestTopUp());
    return { hasher, denylistRestorer, auth, users: new UserService(), notifications: new NotificationService() };
  },
  // order and stock events fill the inbox
  // notifications are pushed live through the outbox (after their transaction commits, never before)
  outbox: true,
  consumers: ({ notifications }, { logger }) => [notificationConsumer(notifications, logger.child({ component: 'notifications' }))],
  background: ({ denylistRestorer }) => {
    denylistRestorer?.start();
    return async () => denylistRestorer?.stop();
  },
  extendContext: (base, services, { events }) => ({
    ...base,
    services,
    loaders: { user: createEntityLoader(base.em, User) },
    sessionUserIds: new Set(),
    events,
  }),
  seed: async (em, services, { logger }) => {
    const created = await seedDemoUsers(em, services.hasher);
    if (created) logger.info({ created }, 'demo accounts seeded');
  },
};
