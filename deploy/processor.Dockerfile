# syntax=docker/dockerfile:1.7
# The sandbox card processor (apps/processor): a card processor's test mode as its own service,
# with its own database (it creates its database and tables when missing). For development,
# staging and load tests; production talks to a real provider at PROCESSOR_URL instead.
# Runs its TypeScript through tsx (a runtime dependency; the worker is compiled). Build from the root:
#   docker build -f deploy/processor.Dockerfile -t bloom-processor .
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

FROM deps AS pruned
COPY packages/domain ./packages/domain
COPY packages/config ./packages/config
COPY apps/processor ./apps/processor
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PROCESSOR_PORT=4010 PROCESSOR_HOST=0.0.0.0 SHUTDOWN_GRACE_MS=10000
WORKDIR /app
COPY --from=pruned --chown=node:node /app/node_modules ./node_modules
COPY --from=pruned --chown=node:node /app/package.json ./package.json
COPY --from=pruned --chown=node:node /app/packages/domain ./packages/domain
COPY --from=pruned --chown=node:node /app/apps/processor ./apps/processor
USER node
EXPOSE 4010
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PROCESSOR_PORT||4010)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
WORKDIR /app/apps/processor
CMD ["node", "--import", "tsx", "src/main.ts"]
