# One image for every service of the market. A build stage compiles the TypeScript (`npm run build`: each workspace's
# src/ to its dist/); the runtime stage has the compiled JavaScript, the production dependencies alone and no compiler,
# and runs as the unprivileged `node` user. Without a command it runs the whole market in one process (scripts/
# start-market); docker-compose.yml runs each service as its own container with its compiled entry point:
#   node --conditions=espigon-dist subgraphs/<name>/dist/index.js   |   node --conditions=espigon-dist gateway/dist/index.js
# The "espigon-dist" condition makes the workspaces' package exports (@espigon/kit/...) resolve to dist/*.js.

# the workspaces' manifests: npm ci links the workspaces, and its layer is cached until a manifest or the lock changes
FROM node:24-bookworm-slim AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/catalog/package.json subgraphs/catalog/
COPY subgraphs/orders/package.json subgraphs/orders/
COPY subgraphs/payments/package.json subgraphs/payments/
COPY subgraphs/reports/package.json subgraphs/reports/
COPY subgraphs/assistant/package.json subgraphs/assistant/
COPY gateway/package.json gateway/

FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts scripts
COPY subgraphs subgraphs
COPY gateway gateway
# type declarations and build info are for tsc -b, not for running
RUN npm run build \
  && find dist subgraphs/*/dist gateway/dist \( -name '*.d.ts' -o -name '*.tsbuildinfo' \) -delete

FROM manifests AS production-dependencies
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# root-owned and read-only to the service: manifests, production node_modules (the workspaces linked), compiled code
COPY --from=production-dependencies /app ./
COPY --from=build /app/dist dist
COPY --from=build /app/subgraphs/kit/dist subgraphs/kit/dist
COPY --from=build /app/subgraphs/users/dist subgraphs/users/dist
COPY --from=build /app/subgraphs/catalog/dist subgraphs/catalog/dist
COPY --from=build /app/subgraphs/orders/dist subgraphs/orders/dist
COPY --from=build /app/subgraphs/payments/dist subgraphs/payments/dist
COPY --from=build /app/subgraphs/reports/dist subgraphs/reports/dist
COPY --from=build /app/subgraphs/assistant/dist subgraphs/assistant/dist
COPY --from=build /app/gateway/dist gateway/dist
# the gateway serves the composed supergraph; the one-process market reads supergraph.yaml for its subgraphs
COPY supergraph.graphql supergraph.yaml ./
# DATA_DIR (embedded database, development keys): owned by `node`, so a named volume mounted here starts out writable
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
# alive: the gateway's (or, in a service's container, that service's) /health; docker-compose.yml checks /ready
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.GATEWAY_PORT || process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--conditions=espigon-dist", "dist/scripts/start-market.js"]
