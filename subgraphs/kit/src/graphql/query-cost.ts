// What an operation costs to answer: every field 1, times the size of the lists it sits in. The same model
// runs on the gateway and on every subgraph, after variables are coerced, so `first: $n` costs what n says.
import { getNamedType, getNullableType, isListType, type DocumentNode, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './page-size';

/** A list without `first` (categories, an order's items, a cart's lines) is assumed to hold this many. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * - a paginated field (it has a `first` argument) multiplies its selection by `first` (default page size);
 * - `_entities` (a federation fetch) multiplies by the number of representations it resolves;
 * - the `edges` of a connection are already counted by the connection's `first`;
 * - any other list of objects multiplies by ASSUMED_LIST_SIZE;
 * - `__typename` is free (no resolver runs), every other field costs 1;
 * - introspection (`__schema`, `__type` and the fields of the `__` types) costs 1 a field with no list multiplier: it
 *   is answered from the schema in memory, graphql's own MaxIntrospectionDepthRule bounds its nesting (fields of
 *   fields, three deep), the depth and selection limits still apply, and production refuses it outright. With
 *   multipliers an IDE's standard introspection query cost over 50,000, so no IDE could load the schema.
 */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === '__typename') return 0;
  if (type.name.startsWith('__') || field.name === '__schema' || field.name === '__type') return 1 + childComplexity;
  // args is absent for the meta fields (__schema, __type)
  return (
    1 +
    childComplexity *
      listMultiplier(
        field.name,
        field.type,
        (field.args ?? []).map((a) => a.name),
        args ?? {},
      )
  );
};

function listMultiplier(fieldName: string, type: GraphQLOutputType, argNames: string[], args: Record<string, unknown>): number {
  if (argNames.includes('first')) {
    const first = args.first;
    return typeof first === 'number' && Number.isFinite(first) ? Math.max(first, 1) : DEFAULT_PAGE_SIZE;
  }
  if (fieldName === '_entities') {
    return Array.isArray(args.representations) ? Math.max(args.representations.length, 1) : 1;
  }
  if (isListType(getNullableType(type)) && !getNamedType(type).name.endsWith('Edge')) return ASSUMED_LIST_SIZE;
  return 1;
}

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string;
  /** Raw variables as the client sent them (coerced again here, as execution will). */
  variables?: Record<string, unknown>;
  /** Bounds the walk itself: a document that expands past this many selections is refused outright. */
  maxNodes: number;
}

/** Throws a GraphQLError when the document cannot be costed (bad variables, too many nodes). */
export function operationCost(input: CostInput): number {
  return getComplexity({
    schema: input.schema,
    query: input.document,
    operationName: input.operationName,
    variables: input.variables ?? {},
    estimators: [listSizeEstimator],
    maxQueryNodes: input.maxNodes,
  });
}
