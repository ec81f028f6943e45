// A small GraphQL client for tests: sends operations to the gateway the way a frontend does.
import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { demoAccounts, type DemoAccount } from '@espigon/users/seed/demo-accounts';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

export interface RequestOptions {
  token?: string;
  /** The caller's address as the load balancer reports it (X-Forwarded-For); defaults to one per test file. */
  ip?: string;
  url?: string;
  headers?: Record<string, string>;
}

/** A fresh address in the IPv6 documentation range, so per-address login limits never leak between tests. */
export const randomAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
const fileAddress = randomAddress();

export const gatewayUrl = () => {
  const url = process.env.ESPIGON_GATEWAY_URL;
  if (!url) throw new Error('ESPIGON_GATEWAY_URL is not set: run the tests through jest (global setup starts the market)');
  return url;
};

export async function execute<T, V>(
  document: TypedDocumentNode<T, V> | string,
  variables?: V,
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(options.url ?? gatewayUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': options.ip ?? fileAddress,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
  });
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { data?: T | null; errors?: GraphQLFormattedError[] };
    return { status: response.status, data: body.data, errors: body.errors };
  } catch {
    throw new Error(`non-JSON response ${response.status}: ${text.slice(0, 300)}`);
  }
}

/** The data of a response that must have succeeded. */
export async function ok<T, V>(document: TypedDocumentNode<T, V> | string, variables?: V, options?: RequestOptions): Promise<T> {
  const result = await execute(document, variables, options);
  if (result.errors?.length || !result.data) {
    throw new Error(`expected success, got ${result.status}: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/** The first error's code, for responses that must have failed. */
export const errorCode = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;

export const demo = (email: string): DemoAccount => {
  const account = demoAccounts.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  return account;
};

let counter = 0;
export const uniqueEmail = (tag = 'user') => `${tag}.${Date.now().toString(36)}.${process.pid}.${counter++}@test.espigon.ec`;
