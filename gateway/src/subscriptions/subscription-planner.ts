// Plans a client's subscription over the supergraph with Apollo's own query planner, and executes each event of it
// with Apollo's own executor: the planner splits a subscription into `primary` (the owning subgraph's subscription
// field, with the keys the rest needs) and `rest` (entity fetches to the other subgraphs). Apollo's gateway refuses to
// execute that plan; here each event is fed to the plan as if the primary fetch had returned it, so merging, entity
// fetches, null propagation and response shaping are exactly the gateway's, as for queries.
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';

/** The service name of the stand-in for the primary fetch: it "returns" the event the owning subgraph pushed. */
const EVENT_SOURCE = '__subscription_event__';

export interface SubscriptionPlan {
  /** The owning subgraph and what to subscribe to there. */
  primary: FetchNode;
  /** The plan each event runs: the event in place of the primary fetch, then the rest. */
  perEvent: QueryPlan;
}

export class SubscriptionPlanner {
  readonly apiSchema: Schema;
  /** The client-facing schema (validation, limits, cost). */
  readonly schema: GraphQLSchema;
  private readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly cache = new Map<string, SubscriptionPlan>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.schema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /** The plan of a validated subscription document (cached by its text and operation name, at most 500). */
  plan(document: DocumentNode, query: string, operationName?: string | null): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${query}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.apiSchema, document, { operationName: operationName ?? undefined });
    const plan = this.planner.buildQueryPlan(operation);
    const node = plan.node;
    if (node?.kind !== 'Subscription') throw new Error('not a subscription plan');
    const standIn: FetchNode = { ...node.primary, serviceName: EVENT_SOURCE };
    const perEvent: QueryPlan = {
      kind: 'QueryPlan',
      node: node.rest ? ({ kind: 'Sequence', nodes: [standIn, node.rest] } as PlanNode) : standIn,
    };
    const result = { primary: node.primary, perEvent };
    if (this.cache.size >= 500) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, result);
    return result;
  }

  /**
   * One event through the plan: `event` is what the owning subgraph sent for the primary operation; the rest is
   * fetched from the other subgraphs (with the client's token, through `dataSources`) and merged.
   */
  async execute(
    plan: SubscriptionPlan,
    event: ExecutionResult,
    request: { document: DocumentNode; query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
    dataSources: ServiceMap,
    context: Record<string, unknown>,
  ): Promise<GatewayExecutionResult> {
    const eventSource: GraphQLDataSource = { process: async () => ({ data: event.data ?? null, errors: event.errors as never }) };
    const operationContext = buildOperationContext({
      schema: this.schema,
      operationDocument: request.document,
      operationName: request.operationName ?? undefined,
    });
    const requestContext = {
      request: { query: request.query, variables: request.variables ?? {}, operationName: request.operationName ?? undefined },
      document: request.document,
      context,
      metrics: {},
      overallCachePolicy: {},
      logger: console,
      cache: undefined,
      schema: this.schema,
    } as unknown as GatewayGraphQLRequestContext;
    return executeQueryPlan(
      plan.perEvent,
      { ...dataSources, [EVENT_SOURCE]: eventSource },
      requestContext,
      operationContext,
      this.supergraphSchema,
      this.apiSchema,
    );
  }
}
