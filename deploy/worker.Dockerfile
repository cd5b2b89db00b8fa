# syntax=docker/dockerfile:1.7
# The worker (BullMQ consumers + outbox relay), and the `migrate` target used by the migration
# Job. The worker runs compiled JavaScript: `npm run build -w @bloom/worker` (esbuild) writes
# apps/worker/dist/ with the workspace packages compiled in and npm packages left external.
# Build from the repository root:
#   docker build -f deploy/worker.Dockerfile -t bloom-worker .
#   docker build -f deploy/worker.Dockerfile --target migrate -t bloom-migrate .
# (Not built on the development machine, which has no Docker engine: see README, Running at scale.)

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Every workspace's manifest (npm ci needs them all): keep in step with package.json "workspaces".
COPY package.json package-lock.json ./
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY apps/processor/package.json apps/processor/
COPY packages/app/package.json packages/app/
COPY packages/config/package.json packages/config/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY playwright/package.json playwright/
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PRISMA_SKIP_POSTINSTALL_GENERATE=1 NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY package.json package-lock.json turbo.json ./
COPY packages ./packages
COPY apps/worker ./apps/worker
RUN npm run generate -w @bloom/db
RUN npm run build -w @bloom/worker

# ── migrate: `prisma migrate deploy` (the Prisma CLI is a dev dependency, so it keeps them) ──
FROM build AS migrate
ENV NODE_ENV=production
USER node
CMD ["npm", "run", "migrate:deploy", "-w", "@bloom/db"]

# ── runtime: production dependencies, the worker and the packages it imports ────────────────
FROM build AS pruned
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production WORKER_HEALTH_PORT=3001 SHUTDOWN_GRACE_MS=25000
WORKDIR /app
COPY --from=pruned --chown=node:node /app/node_modules ./node_modules
# The generated Prisma client lives outside any package, so it is taken from before the prune.
COPY --from=build --chown=node:node /app/node_modules/.prisma ./node_modules/.prisma
COPY --from=pruned --chown=node:node /app/package.json ./package.json
COPY --from=pruned --chown=node:node /app/packages ./packages
COPY --from=pruned --chown=node:node /app/apps/worker ./apps/worker
USER node
EXPOSE 3001
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.WORKER_HEALTH_PORT||3001)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
WORKDIR /app/apps/worker
CMD ["node", "dist/main.js"]
