// Relay cursor connections: PageInfo (shared by every subgraph), connection classes, opaque keyset cursors.
import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size';

@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in its list (Relay): whether more follow, and the cursors to ask for them' })
export class PageInfo {
  @Field({ description: 'More edges follow endCursor' })
  hasNextPage!: boolean;

  @Field({ description: 'Pagination runs forward (first/after), so this is false, as the Relay spec allows' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null for an empty page" })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor: pass it as `after` for the next page" })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `class UserConnection extends ConnectionType('User', User) {}` gives UserConnection and UserEdge. */
export function ConnectionType<T extends object>(name: string, nodeClass: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor` })
  class EdgeType implements Edge<T> {
    @Field(() => nodeClass, { description: `The ${name}` })
    node!: T;

    @Field({ description: 'Opaque: pass it as `after` to get what follows this edge' })
    cursor!: string;
  }

  // never referenced itself, so never emitted: only the subclass appears in the schema
  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionClass implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: "This page's edges, in the list's order" })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: 'Whether more follow, and the cursor of the last edge' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${name} items the whole list holds, across every page` })
    totalCount!: number;
  }
  return ConnectionClass;
}

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from './page-size';

/** The descriptions of every connection's `first` and `after` arguments, so each list says its limits alike. */
export const FIRST_DESCRIPTION = `How many to return: 1 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}`;
export const AFTER_DESCRIPTION = "The previous page's pageInfo.endCursor; omit it for the first page (a malformed cursor is BAD_USER_INPUT)";

/** A cursor is the sort key of the last row seen plus its id, so pages never skip or repeat rows. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedLength: number): (string | number | null)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === expectedLength &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // falls through to the error below
  }
  throw new BadUserInputError('Invalid cursor', 'after');
}

/**
 * `totalCount` is a number, or a function that counts: then the count runs only when a client asks for `totalCount`
 * (a page that does not ask costs one statement less), once however often it is read.
 */
export function toConnection<T, C extends ConnectionShape<T>>(
  ConnectionClass: new () => C,
  rows: T[],
  limit: number,
  totalCount: number | (() => Promise<number>),
  cursorOf: (row: T) => string,
): C {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
  const connection = Object.assign(new ConnectionClass(), {
    edges,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: rows.length > limit,
      hasPreviousPage: false,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    }),
  });
  if (typeof totalCount === 'number') connection.totalCount = totalCount;
  else {
    let counted: Promise<number> | undefined;
    // GraphQL resolves a field whose value is a promise by awaiting it
    Object.defineProperty(connection, 'totalCount', { enumerable: true, configurable: true, get: () => (counted ??= totalCount()) });
  }
  return connection;
}
