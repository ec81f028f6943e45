// One structured log line per GraphQL operation: name, duration, error codes (never variables: they may hold secrets).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '../logger';

export function requestLogPlugin<Ctx extends BaseContext>(logger: Logger, requestIdOf: (ctx: Ctx) => string | undefined): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const codes = errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          logger.info(
            {
              requestId: requestIdOf(contextValue),
              operationName: operationName ?? null,
              status: response.http.status ?? 200,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              ...(codes?.length ? { errorCodes: codes } : {}),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
