// The assistant's operations a chat screen sends, typed by GraphQL Code Generator (npm run codegen).
import { graphql } from '../__generated__';

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

export const StartConversationMutation = graphql(`
  mutation StartConversation {
    startConversation {
      id
      title
      messageCount
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
      createdAt
      updatedAt
      messages {
        id
        role
        content
        createdAt
      }
    }
  }
`);

export const ConversationsQuery = graphql(`
  query Conversations($first: Int, $after: String) {
    conversations(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          messageCount
          messages {
            role
            content
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const OrderByNumberQuery = graphql(`
  query OrderByNumber($number: String!) {
    orderByNumber(number: $number) {
      id
      number
      status
    }
  }
`);

/** Sent over graphql-ws (e2e/support/live-client.ts takes it printed). */
export const AssistantReplyStreamSubscription = graphql(`
  subscription AssistantReplyStream($conversationId: ID!) {
    assistantReplyStream(conversationId: $conversationId) {
      conversationId
      delta
      done
    }
  }
`);
