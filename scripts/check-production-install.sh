#!/usr/bin/env bash
# Proves that the product runs from a production install, the way the Dockerfile builds and starts it: in a
# temporary copy of the repository's tracked files it runs the Dockerfile's own `RUN npm ci …` line (the dependencies
# alone), then `bin/dondoc --help`, `bin/dondoc plan validate` and the Dockerfile's CMD (on free ports, data in the
# copy) until the Dockerfile's HEALTHCHECK command passes (GET /healthz answers 200), stops it with SIGTERM and checks
# that it exited 0 and left no process behind. The three lines are read from the Dockerfile, so the image and this
# check cannot drift apart. Only the Temporal server differs: the image expects TEMPORAL_ADDRESS; here dondoc starts
# its own dev server, from TEMPORAL_CLI_PATH, else .tools/temporal/bin (run scripts/setup-temporal.sh first).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HEALTH_TIMEOUT_S=${HEALTH_TIMEOUT_S:-120}
STOP_TIMEOUT_S=${STOP_TIMEOUT_S:-30}

temporal_cli=${TEMPORAL_CLI_PATH:-$root/.tools/temporal/bin/temporal}
[ -x "$temporal_cli" ] || temporal_cli=$(command -v temporal || true)
if [ -z "$temporal_cli" ] || [ ! -x "$temporal_cli" ]; then
  echo "check-production-install: no Temporal CLI; run scripts/setup-temporal.sh or set TEMPORAL_CLI_PATH." >&2
  exit 1
fi

# One line each, as the Dockerfile asks; the HEALTHCHECK command runs in a shell, as Docker runs it.
dockerfile_line() {
  local found
  found=$(sed -n "$1" "$root/Dockerfile")
  if [ "$(printf '%s' "$found" | grep -c '^')" != 1 ]; then
    echo "check-production-install: expected exactly one $2 line in the Dockerfile, found: ${found:-none}" >&2
    exit 1
  fi
  printf '%s' "$found"
}
install_command=$(dockerfile_line 's/^RUN \(npm ci .*\)$/\1/p' 'RUN npm ci')
start_command=$(dockerfile_line 's/^CMD \(\[.*\]\)$/\1/p' 'CMD [...]')
health_command=$(dockerfile_line 's/^HEALTHCHECK .*CMD \(.*\)$/\1/p' 'HEALTHCHECK … CMD')

work="$(mktemp -d "${TMPDIR:-/tmp}/dondoc-prod.XXXXXX")"
pid=""
cleanup() {
  local status=$?
  if [ -n "$pid" ] && kill -0 -- "-$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || true # the whole process group: dondoc and the dev server it started
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() { echo "check-production-install: $*"; }

step "copying the tracked files into $work/app"
mkdir -p "$work/app"
(cd "$root" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$work/app"
cd "$work/app"

step "$install_command (the Dockerfile's)"
case "$install_command" in *--omit=dev*) ;; *) echo "check-production-install: the Dockerfile's npm ci must --omit=dev" >&2; exit 1 ;; esac
sh -c "$install_command"
for dev in jest typescript ts-jest eslint; do
  if [ -d "node_modules/$dev" ]; then
    echo "check-production-install: node_modules/$dev is present: this is not a production install." >&2
    exit 1
  fi
done
node_bin="$work/app/node_modules/.bin/node"
version="$("$node_bin" --version)"
step "installed Node $version"
case "$version" in v24.*) ;; *) echo "check-production-install: expected Node 24, got $version" >&2; exit 1 ;; esac

mapfile -t start_argv < <("$node_bin" -e 'for (const arg of JSON.parse(process.argv[1])) console.log(arg)' "$start_command")

export NODE_ENV=production # as the image sets it
export TEMPORAL_CLI_PATH="$temporal_cli"
export DONDOC_DATA_DIR="$work/data"
export HOST=127.0.0.1
free_port() { "$node_bin" -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'; }
PORT=$(free_port)
TEMPORAL_DEV_PORT=$(free_port)
TEMPORAL_UI_PORT=$(free_port)
SMTP_CAPTURE_PORT=$(free_port)
FAKE_ZALO_PORT=$(free_port)
export PORT TEMPORAL_DEV_PORT TEMPORAL_UI_PORT SMTP_CAPTURE_PORT FAKE_ZALO_PORT
# The variables a developer's shell may carry that would point the service elsewhere.
unset TEMPORAL_ADDRESS SMTP_URL ZALO_APP_ID ZALO_API_BASE_URL ZALO_OAUTH_BASE_URL PUBLIC_BASE_URL NODE_OPTIONS

step "bin/dondoc --help"
bin/dondoc --help >/dev/null

step "bin/dondoc plan validate config/plans/dvcq-ia-pa.yaml"
bin/dondoc plan validate config/plans/dvcq-ia-pa.yaml

step "${start_argv[*]} (the Dockerfile's CMD; web on $PORT, Temporal on $TEMPORAL_DEV_PORT)"
# setsid: dondoc leads its own process group, so the cleanup can reach the dev server it starts too.
setsid "${start_argv[@]}" >"$work/start.log" 2>&1 </dev/null &
pid=$!

healthy=""
for _ in $(seq 1 "$HEALTH_TIMEOUT_S"); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  # The image's `node` is the one npm installed here: same version.
  if PATH="$work/app/node_modules/.bin:$PATH" sh -c "$health_command"; then
    healthy=yes
    break
  fi
  sleep 1
done
if [ -z "$healthy" ]; then
  echo "check-production-install: the HEALTHCHECK did not pass within ${HEALTH_TIMEOUT_S} s; the output:" >&2
  cat "$work/start.log" >&2
  exit 1
fi
step "the Dockerfile's HEALTHCHECK passed (GET /healthz answered 200); stopping with SIGTERM"

kill -TERM "$pid"
for _ in $(seq 1 "$STOP_TIMEOUT_S"); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "check-production-install: ${start_argv[*]} did not stop within ${STOP_TIMEOUT_S} s of SIGTERM" >&2
  exit 1
fi
status=0
wait "$pid" || status=$?
if [ "$status" != 0 ]; then
  echo "check-production-install: ${start_argv[*]} exited $status after SIGTERM; the output:" >&2
  cat "$work/start.log" >&2
  exit 1
fi
# What is still alive in its process group, zombies left out: an exited child (tsx's esbuild) stays <defunct> until
# the machine's init reaps it, which a loaded machine may do seconds later. Asked for up to 10 s.
alive_in_group() { ps -eo pgid=,stat= | awk -v group="$pid" '$1 == group && $2 !~ /^Z/ { found = 1 } END { exit !found }'; }
for _ in $(seq 1 10); do
  alive_in_group || break
  sleep 1
done
if alive_in_group; then
  echo "check-production-install: processes of ${start_argv[*]} were left running:" >&2
  ps -eo pgid=,pid=,stat=,args= | awk -v group="$pid" '$1 == group' >&2 || true
  exit 1
fi
pid=""
step "ok: the production install runs"
