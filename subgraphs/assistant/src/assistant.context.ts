import type DataLoader from 'dataloader';
import type { EventBus } from '@espigon/kit/events/pubsub';
import type { RequestContext } from '@espigon/kit/server/request-context';
import type { AssistantMessage } from './modules/conversation/conversation.entity';
import type { ConversationService } from './modules/conversation/conversation.service';

export interface AssistantServices {
  conversations: ConversationService;
}

export interface AssistantContext extends RequestContext {
  services: AssistantServices;
  /** Live pub/sub: the replies' chunks. */
  events: EventBus;
  loaders: {
    /** A page of conversations' messages in one statement. */
    messages: DataLoader<string, AssistantMessage[]>;
  };
}
