#!/usr/bin/env bash
# Measures whether sign-up answers as fast for an address that has an account as for a new one (issue 11, hole 3:
# 4–9 ms against 72–91 ms before, which told who has an account). Starts `bin/chorus dev` (building it first if
# needed) with a throwaway data directory and its own embedded-database port, or uses a running Chorus given by --url;
# then, alternating, posts the sign-up form --rounds times with a known address (the demo's owner@chorus.test) and
# with a new one, each with a fresh session and CSRF token, timing the POST with curl.
# Prints: median and p90 ms for known and for new addresses, and their difference. A measurement, not a test: exits 0
# whatever the figures. Only talks to 127.0.0.1 (or --url); stops everything it started on exit. Needs curl.
# Usage: bench/sign-up-timing.sh [--rounds N(40)] [--port CHORUS_PORT(8092)] [--url http://127.0.0.1:8080]
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=40 port=8092 db_port=54352 url=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds=${2:?}; shift 2 ;;
    --port) port=${2:?}; shift 2 ;;
    --url) url=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "sign-up-timing: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ && "$port" =~ ^[1-9][0-9]*$ ]] || { echo "sign-up-timing: numbers only" >&2; exit 2; }

tmp=$(mktemp -d -t chorus-bench.XXXXXX)
data="$tmp/data"
groups=()
spawn() { setsid "$@" & spawned=$!; groups+=("$spawned"); }
cleanup() {
  local status=$? group postmaster i
  trap - EXIT INT TERM
  for ((i = ${#groups[@]} - 1; i >= 0; i--)); do
    group=${groups[i]}
    kill -TERM -- "-$group" 2>/dev/null || continue
    for _ in $(seq 1 100); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$group" 2>/dev/null || true
    wait "$group" 2>/dev/null || true
  done
  if [[ -f "$data/postgres/postmaster.pid" ]]; then
    postmaster=$(head -1 "$data/postgres/postmaster.pid")
    if [[ "$postmaster" =~ ^[0-9]+$ ]] && kill -0 "$postmaster" 2>/dev/null; then
      kill -INT "$postmaster" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$postmaster" 2>/dev/null || true
    fi
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
fail() { echo "sign-up-timing: $1" >&2; [[ -n "${2:-}" && -f "$2" ]] && tail -n 40 "$2" >&2; exit 1; }

if [[ -z "$url" ]]; then
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "something already listens on 127.0.0.1:$port; stop it, pick another --port, or pass --url"
  fi
  jar=target/run/chorus.jar
  if [[ ! -f $jar || -n "$(find src pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    echo "building Chorus (bin/chorus build) …"
    spawn bin/chorus build
    wait "$spawned" || fail "bin/chorus build failed"
  fi
  echo "starting Chorus on 127.0.0.1:$port (data in $data, database port $db_port) …"
  mkdir -p "$data"
  spawn env CHORUS_DATA_DIR="$data" CHORUS_DEV_DATABASE_PORT="$db_port" CHORUS_PORT="$port" bin/chorus dev >"$tmp/chorus.log" 2>&1
  url="http://127.0.0.1:$port"
  deadline=$((SECONDS + 180))
  until curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url/signup" 2>/dev/null | grep -q 200; do
    ((SECONDS < deadline)) || fail "Chorus did not answer within 180 s" "$tmp/chorus.log"
    sleep 1
  done
  sleep 5 # the demo data (owner@chorus.test) is made just after the first answer
fi

post() { # $1 = address; prints the POST's time in ms
  local jar="$tmp/jar" page token
  rm -f "$jar"
  page=$(curl -s -c "$jar" -b "$jar" "$url/signup")
  token=$({ grep -o 'name="_csrf" value="[^"]*"' <<<"$page" || true; } | head -1 | sed 's/.*value="//; s/"$//')
  [[ -n "$token" ]] || { printf '%s\n' "$page" | head -c 2000 >&2; fail "no CSRF token on $url/signup"; }
  curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{time_total}\n' \
    --data-urlencode "email=$1" --data-urlencode "displayName=Bench" \
    --data-urlencode "password=a long bench password" --data-urlencode "_csrf=$token" "$url/signup" |
    awk '{ printf "%.1f\n", $1 * 1000 }'
}

: >"$tmp/known"; : >"$tmp/new"
post "owner@chorus.test" >/dev/null # warm up both paths once
post "warmup-$RANDOM$RANDOM@bench.test" >/dev/null
for ((i = 0; i < rounds; i++)); do
  post "owner@chorus.test" >>"$tmp/known"
  post "bench-$i-$RANDOM$RANDOM@bench.test" >>"$tmp/new"
done

stat() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.1f %.1f\n", v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)] }'; }
read -r known_median known_p90 < <(stat "$tmp/known")
read -r new_median new_p90 < <(stat "$tmp/new")
echo "sign-up, known address: median ${known_median} ms, p90 ${known_p90} ms ($rounds requests)"
echo "sign-up, new address:   median ${new_median} ms, p90 ${new_p90} ms ($rounds requests)"
awk -v k="$known_median" -v n="$new_median" 'BEGIN { printf "difference of medians: %.1f ms\n", n - k }'
