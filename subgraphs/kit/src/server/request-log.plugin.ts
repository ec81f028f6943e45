// Adds the GraphQL side of a request to its one log line (http-app.ts writes it): operation name and error codes,
// never variables (they may hold secrets).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestLogRecord } from './http-app';

export function requestLogPlugin<Ctx extends BaseContext>(recordOf: (ctx: Ctx) => RequestLogRecord | undefined): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ operationName, errors }) {
          const record = recordOf(contextValue);
          if (!record) return;
          record.operationName = operationName ?? null;
          if (errors?.length) record.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}
