// Operation limits (GraphQL Armor) shared by the gateway and every subgraph: depth, aliases, directives, tokens, cost.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Field suggestions ("Did you mean …?") let a stranger map the schema; off in production. */
  blockFieldSuggestions: boolean;
}

/** What a frontend needs, with room to spare; a query beyond this is an attack or a bug. */
export const gatewayLimits = (production: boolean): OperationLimits => ({
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 30,
  maxTokens: 2000,
  maxCost: 5000,
  blockFieldSuggestions: production,
});

/** Subgraphs receive planner-written fetches (nested _entities selections), so their bounds are wider. */
export const subgraphLimits = (production: boolean): OperationLimits => ({
  maxDepth: 16,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 4000,
  maxCost: 10000,
  blockFieldSuggestions: production,
});

export function operationLimitProtections(limits: OperationLimits): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    // no allow-list: aliased __typename is as costly to a resolver loop as any other field
    maxAliases: { n: limits.maxAliases, allowList: [] },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, flattenFragments: true },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}

/** The Apollo Server settings the gateway and every subgraph share: the guards, and no stack traces to clients. */
export function hardenedServerSettings(production: boolean, limits: OperationLimits) {
  const { plugins, validationRules } = operationLimitProtections(limits);
  return {
    settings: {
      introspection: !production,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      stopOnTerminationSignals: false, // the process's own handler drains every service in order
      includeStacktraceInErrorResponses: false,
      validationRules,
    },
    plugins,
  };
}
