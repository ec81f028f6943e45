// Operation limits shared by the gateway and every subgraph: tokens, expanded selections, depth, aliases, directives,
// input values and cost. Each refusal is a 400 with a stable code and a message that says which limit was hit.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type GraphQLScalarType, type ValidationContext, type ValidationRule } from 'graphql';
import { operationGuardPlugin } from './operation-guard.plugin';

export interface OperationLimits {
  /** Lexical tokens of the document (Apollo's parser stops counting there: no work on a flood). */
  maxTokens: number;
  /** Selections once every fragment is expanded: a fragment "bomb" is refused before any other rule runs. */
  maxSelections: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** See query-cost.ts: every field 1, times the size of the lists around it. */
  maxCost: number;
  /** Any input string, anywhere (the longest a field accepts is 2,000 characters). */
  maxStringLength: number;
}

/** What the screens of a storefront, a seller console and an admin dashboard need, with room to spare. */
export const gatewayLimits: OperationLimits = {
  maxTokens: 2000,
  maxSelections: 1000,
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 30,
  maxCost: 10_000,
  maxStringLength: 10_000,
};

/**
 * Subgraphs receive planner-written fetches (nested `_entities` selections, key fields added), so their
 * structural bounds are wider; the cost model and its maximum are the gateway's own: a fetch never costs
 * more than the operation it is part of.
 */
export const subgraphLimits: OperationLimits = {
  ...gatewayLimits,
  maxTokens: 4000,
  maxSelections: 2000,
  maxDepth: 16,
  maxAliases: 30,
  maxDirectives: 50,
};

export interface HardeningOptions {
  production: boolean;
  limits: OperationLimits;
  /** Custom scalars to check with their real parser before execution (the gateway's schema has no parsers). */
  scalars?: Record<string, GraphQLScalarType>;
}

/** Depth, aliases and directives as validation rules (HTTP through Apollo Server, WebSocket through graphql-ws). */
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  // Armor's rules throw ("Syntax Error: …", which Apollo answers with a 500); reported instead, they are validation errors (400)
  const reporting = {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reporting }),
    // no allow-list: aliased __typename is as costly to a resolver loop as any other field
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...reporting }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reporting }),
  ];
}

/** The Apollo Server settings the gateway and every subgraph share: the guards, and no stack traces to clients. */
export function hardenedServerSettings({ production, limits, scalars = {} }: HardeningOptions) {
  const validationRules = limitValidationRules(limits);
  return {
    settings: {
      introspection: !production,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // no automatic persisted queries: nothing uses them, and a forged hash answered 400 INTERNAL_SERVER_ERROR
      persistedQueries: false as const,
      stopOnTerminationSignals: false, // the process's own handler drains every service in order
      includeStacktraceInErrorResponses: false,
      parseOptions: { maxTokens: limits.maxTokens },
      // with this set, the rules above run only on documents that passed it and graphql's own rules
      maxRecursiveSelections: limits.maxSelections,
      // "Did you mean …?" lets a stranger map the schema
      hideSchemaDetailsFromClientErrors: production,
      validationRules,
    },
    plugins: [operationGuardPlugin({ limits, scalars, exposeCost: !production })] as ApolloServerPlugin<BaseContext>[],
  };
}
