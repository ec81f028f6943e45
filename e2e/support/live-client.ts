// A graphql-ws client as a frontend would open one against the gateway: the token in connectionParams, events
// collected, the close code kept.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually } from '@espigon/kit/testing/eventually';

export interface LiveSubscription<T = Record<string, any>> {
  events: T[];
  errors: unknown[];
  completed: boolean;
  /** The close code once the connection closed (4401, 4403, 1000 …). */
  closeCode: number | null;
  /** Waits until `count` events arrived (or fails after 15 s). */
  waitFor(count: number): Promise<T[]>;
  /** Completes the subscription, keeping the connection open. */
  unsubscribe(): void;
  stop(): Promise<void>;
}

export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

export function subscribe<T = Record<string, any>>(
  gatewayUrl: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): LiveSubscription<T> {
  const state: LiveSubscription<T> = {
    events: [],
    errors: [],
    completed: false,
    closeCode: null,
    waitFor: (count) =>
      eventually(async () => {
        if (state.events.length < count) throw new Error(`${state.events.length} of ${count} events so far (close code ${state.closeCode})`);
        return state.events;
      }),
    unsubscribe: () => unsubscribe(),
    stop: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
  const client: Client = createClient({
    url: wsUrl(gatewayUrl),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: {
      closed: (event) => {
        state.closeCode = (event as { code?: number }).code ?? null;
      },
    },
  });
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors?.length) state.errors.push(...value.errors);
        if (value.data) state.events.push(value.data as T);
      },
      error: (err) => state.errors.push(err),
      complete: () => {
        state.completed = true;
      },
    },
  );
  return state;
}

/** Resolves once the subscription has been acknowledged upstream: a short pause after connecting is enough here. */
export const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));
