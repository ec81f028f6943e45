// The assistant's operations a frontend sends, typed by GraphQL Code Generator (npm run codegen).
import { graphql } from '../__generated__';

export const StartConversationMutation = graphql(`
  mutation StartConversation {
    startConversation {
      id
      messageCount
    }
  }
`);

export const AskAssistantMutation = graphql(`
  mutation AskAssistant($conversationId: ID, $message: String!) {
    askAssistant(conversationId: $conversationId, message: $message) {
      id
      role
      content
      createdAt
    }
  }
`);

export const ConversationQuery = graphql(`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      id
      title
      messageCount
      messages {
        id
        role
        content
      }
    }
  }
`);

export const ConversationsQuery = graphql(`
  query Conversations($first: Int) {
    conversations(first: $first) {
      totalCount
      edges {
        node {
          id
          messageCount
        }
      }
    }
  }
`);

export const AssistantReplyStreamSubscription = graphql(`
  subscription AssistantReplyStream($conversationId: ID!) {
    assistantReplyStream(conversationId: $conversationId) {
      conversationId
      delta
      done
    }
  }
`);
