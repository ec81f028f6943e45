# One image for every service of the market; docker-compose.yml picks the entry point of each.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# the workspaces' manifests first: npm ci links them, and the layer is cached until a manifest changes
COPY package.json package-lock.json ./
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/catalog/package.json subgraphs/catalog/
COPY subgraphs/orders/package.json subgraphs/orders/
COPY subgraphs/payments/package.json subgraphs/payments/
COPY gateway/package.json gateway/
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
USER node
CMD ["node", "-r", "@swc-node/register", "scripts/start-market.ts"]
