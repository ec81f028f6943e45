import type DataLoader from 'dataloader';
import type { RequestContext } from '@espigon/kit/server/request-context';
import type { EventBus } from '@espigon/kit/events/pubsub';
import type { AuthService } from './modules/auth/auth.service';
import type { NotificationService } from './modules/notification/notification.service';
import type { User } from './modules/user/user.entity';
import type { UserService } from './modules/user/user.service';

export interface UsersServices {
  auth: AuthService;
  users: UserService;
  notifications: NotificationService;
}

export interface UsersContext extends RequestContext {
  services: UsersServices;
  loaders: { user: DataLoader<string, User | null> };
  /** Accounts this request logged into (register/login/refresh): they see their own private fields. */
  sessionUserIds: Set<string>;
  /** Live pub/sub, for subscriptions. */
  events: EventBus;
}
