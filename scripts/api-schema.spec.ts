// Every element of the public API is described, and docs/api.graphql is the API schema a client sees.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { apiSchemaOf, printApiDocument, undocumentedElements } from './api-schema';

const root = resolve(__dirname, '..');
const supergraphSdl = readFileSync(resolve(root, 'supergraph.graphql'), 'utf8');

/** A supergraph composed from one small subgraph, to hold the check against what it must find and leave alone. */
function composeOne(typeDefs: string): string {
  const result = composeServices([
    {
      name: 'fish',
      url: 'http://127.0.0.1:1/graphql',
      typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])
        ${typeDefs}`),
    },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

describe('the API schema', () => {
  it('describes every type, field, argument, input field and enum value (describe them in the code that defines them, then npm run compose)', () => {
    expect(undocumentedElements(apiSchemaOf(supergraphSdl))).toEqual([]);
  });

  it('is what docs/api.graphql holds, as valid SDL', () => {
    const printed = readFileSync(resolve(root, 'docs', 'api.graphql'), 'utf8');
    expect(printed).toBe(printApiDocument(apiSchemaOf(supergraphSdl)));
    const sorted = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));
    expect(sorted(printed)).toBe(printSchema(lexicographicSortSchema(apiSchemaOf(supergraphSdl))));
  });
});

describe('undocumentedElements', () => {
  it('names each undescribed type, field, argument, input field and enum value by its coordinate', () => {
    const supergraph = composeOne(`
      "Reads" type Query {
        "A catch by id" catch(id: ID!, "Grams or not" grams: Boolean): Catch
        catches: [Catch!]!
      }
      type Catch @key(fields: "id") {
        "Its id" id: ID!
        "How it is sold" unit: Unit!
        "Hidden from clients" secret: String @inaccessible
      }
      "Units" enum Unit { "Kilogram" KG LB }
      "A filter" input CatchFilter { "Only this unit" unit: Unit  minGrams: Int }
      type Mutation { "Lands a catch" land("What was landed" filter: CatchFilter): Catch }
    `);
    // Catch.secret is @inaccessible: not in the API schema, so not asked for
    expect(undocumentedElements(apiSchemaOf(supergraph))).toEqual([
      'Catch',
      'CatchFilter.minGrams',
      'Mutation',
      'Query.catch(id:)',
      'Query.catches',
      'Unit.LB',
    ]);
  });

  it('leaves built-in scalars, introspection and federation internals alone (a fully described schema has nothing missing)', () => {
    const supergraph = composeOne(`
      "Reads" type Query { "A catch by id" catch("Its id" id: ID!): Catch }
      "A catch" type Catch @key(fields: "id") { "Its id" id: ID!  "Its weight" grams: Int  "Its name" name: String  "Fresh?" fresh: Boolean  "Price" price: Float }
    `);
    expect(supergraph).toContain('join__Graph');
    expect(undocumentedElements(apiSchemaOf(supergraph))).toEqual([]);
  });
});
