# Builds the server and the SPA, then runs the server, which serves the SPA too.
FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@10 && apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json codegen.ts schema.graphql ./
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
# The shared vocabulary is built on install (its prepare script), so it comes whole.
COPY packages/shared packages/shared
COPY packages/verify/package.json packages/verify/
RUN pnpm install --frozen-lockfile
COPY packages packages
RUN pnpm build && pnpm prune --prod

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 4000
CMD ["node", "packages/server/dist/main.js"]
