// Hive Gateway's configuration for the side-by-side benchmark: the caller's token reaches the subgraphs, as our gateway
// forwards it. Everything else is Hive Gateway's default (in-flight deduplication of identical subgraph fetches included).
export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
  logging: 'warn',
};
