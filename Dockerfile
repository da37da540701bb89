# syntax=docker/dockerfile:1
# dondoc's production image: the dependencies alone (`npm ci --omit=dev`, which also installs the pinned Node 24
# that bin/dondoc runs on), the sources (bin/dondoc runs them through tsx), a non-root user. No Temporal binaries:
# the image is meant to run with TEMPORAL_ADDRESS set (docker-compose.yml).
# scripts/check-production-install.sh runs this file's `RUN npm ci`, CMD and HEALTHCHECK lines in a temporary copy
# of the repository, in CI: keep each of them on one line.

FROM node:24.21.0-bookworm-slim AS install
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24.21.0-bookworm-slim
ENV NODE_ENV=production \
    DONDOC_DATA_DIR=/var/lib/dondoc \
    PORT=3000
WORKDIR /app
COPY --from=install /app/node_modules ./node_modules
COPY . .
# The code stays root-owned (read-only to the service); only the data directory is the service's.
RUN mkdir -p /var/lib/dondoc && chown node:node /var/lib/dondoc
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 CMD node -e "fetch('http://127.0.0.1:${PORT}/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"
CMD ["bin/dondoc", "start"]
