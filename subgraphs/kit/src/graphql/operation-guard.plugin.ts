// After an operation is parsed and validated and before anything executes: is there one operation to run, over the
// right transport, with variables of the right types, inputs within bounds, and a cost within the limit?
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getVariableValues, type DocumentNode, type GraphQLScalarType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ErrorCode, requestRefusal } from '../errors';
import { checkOperationInputs } from './input-guard';
import type { OperationLimits } from './operation-limits';
import { operationCost } from './query-cost';

export interface OperationGuardOptions {
  limits: OperationLimits;
  scalars: Record<string, GraphQLScalarType>;
  /** Adds `extensions.cost: { requested, maximum }` to every response (development). */
  exposeCost: boolean;
}

export function operationGuardPlugin<Ctx extends BaseContext>(options: OperationGuardOptions): ApolloServerPlugin<Ctx> {
  const { limits } = options;
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) {
            throw requestRefusal(
              'OPERATION_RESOLUTION_FAILURE',
              request.operationName
                ? `The document has no operation named "${request.operationName}"`
                : 'The document has several operations: say which one to run with operationName',
            );
          }
          if (operation.operation === 'subscription') {
            throw requestRefusal('BAD_REQUEST', 'Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP');
          }
          cost = guardOperation({ schema, document, operation, variables: request.variables, limits, scalars: options.scalars });
        },
        async willSendResponse({ response }) {
          if (!options.exposeCost || cost === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requested: cost, maximum: limits.maxCost } };
        },
      };
    },
  };
}

export interface GuardInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Record<string, unknown> | null;
  limits: OperationLimits;
  scalars: Record<string, GraphQLScalarType>;
}

/**
 * Variables of the right types, inputs within bounds, a cost within the limit: throws the refusal (400), or returns the
 * cost. The HTTP path runs it from the plugin above; the gateway's WebSocket path before a subscription starts.
 */
export function guardOperation(input: GuardInput): number {
  // the same parsed document (Apollo's document cache hands out one object per query text) with the same variables
  // always gets the same answer: an operation sent again is not walked again
  const key = cacheKey(input);
  if (key === undefined) return checkOperation(input);
  let known = acceptedCosts.get(input.document);
  const cached = known?.get(key);
  if (cached !== undefined && known!.limits === input.limits) return cached;
  const cost = checkOperation(input);
  if (!known || known.limits !== input.limits)
    acceptedCosts.set(input.document, (known = Object.assign(new Map<string, number>(), { limits: input.limits })));
  if (known.size >= MAX_CACHED_VARIABLE_SETS) known.clear();
  known.set(key, cost);
  return cost;
}

/** Costs of accepted operations, by parsed document and then by operation name and variables. */
const acceptedCosts = new WeakMap<DocumentNode, Map<string, number> & { limits: OperationLimits }>();
const MAX_CACHED_VARIABLE_SETS = 64;
/** Variables longer than this (e.g. a federation fetch's representations) are checked every time, not remembered. */
const MAX_CACHED_KEY_LENGTH = 4096;

/** Undefined for variables too large to remember, or too deeply nested to serialise (checkOperation refuses those). */
function cacheKey({ operation, variables }: GuardInput): string | undefined {
  try {
    const key = `${operation.name?.value ?? ''}\n${JSON.stringify(variables ?? {})}`;
    return key.length > MAX_CACHED_KEY_LENGTH ? undefined : key;
  } catch {
    return undefined;
  }
}

function checkOperation({ schema, document, operation, variables, limits, scalars }: GuardInput): number {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) {
    throw requestRefusal(ErrorCode.BAD_USER_INPUT, coerced.errors[0].message);
  }
  checkOperationInputs(schema, document, operation, coerced.coerced, { maxStringLength: limits.maxStringLength, scalars });
  let cost: number;
  try {
    cost = operationCost({
      schema,
      document,
      operationName: operation.name?.value,
      variables: variables ?? undefined,
      maxNodes: limits.maxSelections,
    });
  } catch (err) {
    throw requestRefusal('GRAPHQL_VALIDATION_FAILED', err instanceof Error ? err.message : 'The operation cannot be costed');
  }
  if (cost > limits.maxCost) {
    throw requestRefusal(
      'GRAPHQL_VALIDATION_FAILED',
      `Operation cost ${cost} exceeds the maximum of ${limits.maxCost}: ask for smaller pages (first) or fewer nested lists`,
      { cost: { requested: cost, maximum: limits.maxCost } },
    );
  }
  return cost;
}
