// type-graphql classes -> federated subgraph schema; holds the one federation @link version of the supergraph.
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, visit, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar';

export const FEDERATION_VERSION = 'v2.7';
const federationImports = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@tag', '@override'];

/**
 * type-graphql cannot describe the root types, and every subgraph declares them: the one description of each is here,
 * so composition finds it alike in every subgraph.
 */
export const ROOT_TYPE_DESCRIPTIONS: Record<string, string> = {
  Query:
    'What can be read; each field says who may (CLIENT, SELLER, ADMIN, the owner). Without a token a request is anonymous; a token ' +
    'that is refused (expired, logged out) is UNAUTHENTICATED, never taken for anonymous',
  Mutation:
    'What can be changed; each mutation says who may (FORBIDDEN for another role). Every one but register, login and refreshToken ' +
    'needs a token (UNAUTHENTICATED without one)',
  Subscription:
    "Live updates over graphql-ws at the gateway's /graphql, never over HTTP. Send the access token in connectionParams " +
    '({ "authorization": "Bearer …" }): without a valid one the connection closes with 4401, and with 4403 when it expires or is logged out',
};

export interface FederatedSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `{ TypeName: { __resolveReference } }` for the entities this subgraph owns. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // subscriptions give their own `subscribe` (over the kit's EventBus, filtered where the rules live); type-graphql
    // wants a pubSub all the same, and this one says so if anything ever reaches it
    pubSub: {
      publish: () => {
        throw new Error('publish through the outbox (recordOutboxEvent), not type-graphql');
      },
      subscribe: () => {
        throw new Error('a @Subscription needs its own subscribe function (liveEvents)');
      },
    },
    validate: false,
    skipCheck: true, // a subgraph may have no Query of its own
  });
  const typeDefs = visit(
    parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(federationImports)})
    ${printSchemaWithDirectives(schema)}
  `),
    {
      ObjectTypeDefinition: (node) =>
        ROOT_TYPE_DESCRIPTIONS[node.name.value] && !node.description
          ? { ...node, description: { kind: Kind.STRING, value: ROOT_TYPE_DESCRIPTIONS[node.name.value], block: true } }
          : undefined,
    },
  );
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, fields] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as never;
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

/** The SDL a subgraph commits (schema.graphql): federation directives kept, unlike graphql's printSchema. */
export function printFederatedSchema(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
