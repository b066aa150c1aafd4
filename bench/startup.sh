#!/usr/bin/env bash
# Measures how long `bin/chorus dev` takes to serve its first page: once from a clean build (no target/, no data/,
# with the local Maven repository as it is), then a second start with everything in place.
# Prints: build+first start seconds, second start seconds, and Chorus's own "Started in" figure.
# Usage: bench/startup.sh [--keep-build]   (--keep-build skips the clean build and measures warm starts only)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${CHORUS_PORT:-8080}

if curl -s -o /dev/null "http://localhost:$port/"; then
  echo "startup: something already answers on port $port; stop it first" >&2; exit 1
fi

measure() { # $1 = label; starts bin/chorus dev, waits for the first page, stops it
  local label=$1 log start end pid
  log=$(mktemp)
  start=$(date +%s.%N)
  bin/chorus dev >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 900); do
    if curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/" 2>/dev/null | grep -q 200; then break; fi
    if ! kill -0 $pid 2>/dev/null; then echo "startup: chorus exited; log:" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.2
  done
  end=$(date +%s.%N)
  printf '%-34s %6.1f s   (%s)\n' "$label" "$(echo "$end - $start" | bc)" \
    "$(grep -o 'Started ChorusApplication in [0-9.]* seconds' "$log" || echo 'no Started line')"
  kill $pid; wait $pid 2>/dev/null || true
  rm -f "$log"
}

if [[ "${1:-}" != "--keep-build" ]]; then
  rm -rf target data
  measure "clean build + first start"
fi
measure "second start, first page"
measure "third start, first page"
