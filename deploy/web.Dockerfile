# syntax=docker/dockerfile:1.7
# The web tier: Next.js standalone output run by apps/web/server.mjs (graceful shutdown, request
# ids). Build from the repository root:  docker build -f deploy/web.Dockerfile -t bloom-web .
# (Not built on the development machine, which has no Docker engine: see README, Running at scale.)

# ── dependencies (cached while package manifests do not change) ──────────────────────────────
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

# ── build: Prisma client, then `next build` with output: "standalone" ───────────────────────
FROM deps AS build
COPY . .
RUN npm run generate -w @bloom/db \
 && NODE_ENV=production npx turbo run build --filter=@bloom/web

# ── runtime: only the traced server bundle, static assets and the launcher ───────────────────
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 \
    TRUST_PROXY=1 SHUTDOWN_DRAIN_MS=5000 SHUTDOWN_GRACE_MS=25000
WORKDIR /app
COPY --from=build --chown=node:node /app/apps/web/.next/standalone ./
COPY --from=build --chown=node:node /app/apps/web/.next/static ./apps/web/.next/static
COPY --from=build --chown=node:node /app/apps/web/public ./apps/web/public
COPY --from=build --chown=node:node /app/apps/web/server.mjs ./apps/web/server.mjs
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# AUTH_SECRET, DATABASE_URL and REDIS_URL come from the environment; without AUTH_SECRET it refuses.
CMD ["node", "apps/web/server.mjs"]
