# One image for every service of the market; docker-compose.yml picks the entry point of each.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
USER node
CMD ["node", "-r", "@swc-node/register", "scripts/start-market.ts"]
