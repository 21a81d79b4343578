# syntax=docker/dockerfile:1
# AI Census: one image for the API, the workers and the one-shot CLI (migrations, purge).
# Build:  docker build -t ai-census .
# The build stage has the dev dependencies (TypeScript); the runtime stage has production ones only.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
COPY reports ./reports
RUN npm run build

FROM node:20-bookworm-slim AS runtime
# git reads repository history for scans; chromium renders the PDF reports.
RUN apt-get update \
  && apt-get install -y --no-install-recommends git chromium ca-certificates tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    AI_CENSUS_DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
# The official image's unprivileged user (uid 1000); nothing here runs as root.
USER node
EXPOSE 3000 9464
ENTRYPOINT ["/usr/bin/tini", "--"]
# The API by default; the worker is `node dist/worker.js`, migrations `node dist/cli.js migrate`.
CMD ["node", "dist/main.js"]
