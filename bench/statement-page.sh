#!/usr/bin/env bash
# Measures how fast Chorus serves a statement page compared with nginx serving the same HTML as a static file:
# starts `bin/chorus dev` (building it first if needed) with a throwaway data directory and its own embedded-database
# port, so a developer's ./data and a running `bin/chorus dev` are left alone; saves the demo statement
# /s/public-finance-for-a-just-transition-now once with curl; serves that file with nginx from a temp dir; warms Chorus
# up with wrk, then runs wrk with the same settings against nginx and against Chorus.
# Prints: requests/s, p50 and p99 latency for each, and "ratio chorus/nginx" (target >= 0.50; BELOW when it is not).
# With --gzip, wrk asks for gzip as browsers do; Chorus answers with its kept gzipped copy, nginx with the same bytes
# saved beside the page (gzip_static). It is a measurement, not a test: it exits 0 whatever the ratio. Both servers
# and wrk share the machine's cores. Needs nginx and wrk (apt-get install nginx wrk). Only talks to 127.0.0.1.
# Usage: bench/statement-page.sh [--duration SECONDS(20)] [--connections N(32)] [--threads N(2)] [--gzip]
#                                [--port CHORUS_PORT(8090)] [--nginx-port PORT(8091)] [--db-port PORT(54349)]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=20 connections=32 threads=2 port=8090 nginx_port=8091 gzip=false
db_port=54349 warmup=5 page=/s/public-finance-for-a-just-transition-now
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=${2:?}; shift 2 ;;
    --connections) connections=${2:?}; shift 2 ;;
    --threads) threads=${2:?}; shift 2 ;;
    --port) port=${2:?}; shift 2 ;;
    --nginx-port) nginx_port=${2:?}; shift 2 ;;
    --db-port) db_port=${2:?}; shift 2 ;;
    --gzip) gzip=true; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "statement-page: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for value in "$duration" "$connections" "$threads" "$port" "$nginx_port" "$db_port"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "statement-page: '$value' is not a positive number" >&2; exit 2; }
done

nginx=/usr/sbin/nginx
if [[ ! -x $nginx ]] || ! command -v wrk >/dev/null; then
  echo "statement-page: needs nginx ($nginx) and wrk: apt-get install nginx wrk" >&2; exit 1
fi

answers() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" 2>/dev/null || [[ $? -ne 7 ]]; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$port" "$nginx_port" "$db_port"; do
  if answers "$p" || listening "$p"; then
    echo "statement-page: something already listens on 127.0.0.1:$p; stop it or pick other ports" >&2; exit 1
  fi
done

tmp=$(mktemp -d -t chorus-bench.XXXXXX)
data="$tmp/data"
groups=() # process groups started here (each child runs in its own session, so its pid is its group id)

spawn() { # runs "$@" in the background in a new session; sets $spawned to its pid
  setsid "$@" &
  spawned=$!
  groups+=("$spawned")
}

stop_group() { # $1 = group id; TERM, then KILL after $2 seconds
  local group=$1 limit=${2:-20} i
  kill -TERM -- "-$group" 2>/dev/null || return 0
  for ((i = 0; i < limit * 5; i++)); do
    kill -0 -- "-$group" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL -- "-$group" 2>/dev/null || true
}

cleanup() {
  local status=$? group postmaster i
  trap - EXIT INT TERM
  for ((i = ${#groups[@]} - 1; i >= 0; i--)); do
    group=${groups[i]}
    stop_group "$group" 30
    wait "$group" 2>/dev/null || true
  done
  # the embedded PostgreSQL may run in a session of its own: stop it by the pid it recorded
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

fail() { # $1 = message, $2 = optional log to show
  echo "statement-page: $1" >&2
  if [[ -n "${2:-}" && -f "$2" ]]; then echo "--- last lines of $2:" >&2; tail -n 40 "$2" >&2; fi
  exit 1
}

# 1. build if needed (same check as bin/chorus), so the start-up wait below measures only the start
jar=target/run/chorus.jar
if [[ ! -f $jar || -n "$(find src pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "building Chorus (bin/chorus build) …"
  training="$PWD/target/training/postgres" # the build's start-up-cache training run can leave its PostgreSQL running
  before=$(pgrep -f -- "-D $training( |\$)" || true)
  spawn bin/chorus build
  build_status=0
  wait "$spawned" || build_status=$?
  for pid in $(pgrep -f -- "-D $training( |\$)" || true); do
    grep -qx "$pid" <<<"$before" || { echo "stopping the PostgreSQL the build's training run left running (pid $pid)"; kill -INT "$pid" || true; }
  done
  ((build_status == 0)) || fail "bin/chorus build failed"
fi

# 2. start Chorus in dev mode with a throwaway data directory and its own database port
echo "starting Chorus on 127.0.0.1:$port (data in $data, database port $db_port) …"
mkdir -p "$data"
spawn env CHORUS_DATA_DIR="$data" CHORUS_DEV_DATABASE_PORT="$db_port" CHORUS_PORT="$port" bin/chorus dev >"$tmp/chorus.log" 2>&1
chorus=$spawned
http_status() { curl -s -o /dev/null --max-time 2 -w '%{http_code}' "http://127.0.0.1:$port$1" 2>/dev/null || true; }
ready=false
deadline=$((SECONDS + 180))
while ((SECONDS < deadline)); do # the demo data is created just after the first page answers, so wait for both
  if [[ "$(http_status /)" == 200 && "$(http_status "$page")" == 200 ]]; then
    ready=true; break
  fi
  kill -0 "$chorus" 2>/dev/null || fail "Chorus exited during start-up" "$tmp/chorus.log"
  sleep 0.2
done
$ready || fail "Chorus did not answer 200 on http://127.0.0.1:$port/ and $page within 180 s" "$tmp/chorus.log"

# 3. save the page once
mkdir -p "$tmp/www" "$tmp/logs"
code=$(curl -s -o "$tmp/www/statement.html" -w '%{http_code}' "http://127.0.0.1:$port$page")
[[ "$code" == 200 ]] || fail "Chorus answered $code for $page (is the demo data there?)" "$tmp/chorus.log"
size=$(stat -c %s "$tmp/www/statement.html")
encoding=() # wrk's extra header
if $gzip; then
  encoding=(-H "Accept-Encoding: gzip")
  code=$(curl -s -H "Accept-Encoding: gzip" -D "$tmp/gzip-headers.txt" -o "$tmp/www/statement.html.gz" \
    -w '%{http_code}' "http://127.0.0.1:$port$page")
  [[ "$code" == 200 ]] && grep -qi '^content-encoding: gzip' "$tmp/gzip-headers.txt" ||
    fail "Chorus did not answer $page gzipped" "$tmp/chorus.log"
  gunzip -c "$tmp/www/statement.html.gz" | cmp -s - "$tmp/www/statement.html" ||
    fail "Chorus's gzipped page is not the page"
  size="$size; gzipped $(stat -c %s "$tmp/www/statement.html.gz")"
fi

# 4. serve it with nginx
user_line=""
[[ $(id -u) == 0 ]] && user_line="user root;" # workers would otherwise run as nobody and not read the temp dir
cat >"$tmp/nginx.conf" <<EOF
$user_line
daemon off;
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  gzip_static on;
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/www;
    location / { default_type text/html; try_files \$uri /statement.html; }
  }
}
EOF
spawn "$nginx" -p "$tmp" -e "$tmp/error.log" -c "$tmp/nginx.conf" >"$tmp/nginx.out" 2>&1
nginx_pid=$spawned
code=000
for _ in $(seq 1 50); do
  code=$(curl -s -o "$tmp/nginx-copy.html" -w '%{http_code}' --max-time 2 "http://127.0.0.1:$nginx_port$page" 2>/dev/null || true)
  [[ "$code" == 200 ]] && break
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$tmp/nginx.out" >&2; fail "nginx exited" "$tmp/error.log"; }
  sleep 0.2
done
[[ "$code" == 200 ]] || fail "nginx answered $code for $page" "$tmp/error.log"
cmp -s "$tmp/www/statement.html" "$tmp/nginx-copy.html" || fail "nginx does not serve the saved page unchanged"

# 5. measure
load=$(cut -d' ' -f1-3 /proc/loadavg) # other work on the machine skews the figures
run_wrk() { # $1 = port, $2 = seconds, $3 = output file
  spawn wrk "-t$threads" "-c$connections" "-d${2}s" --latency "${encoding[@]}" "http://127.0.0.1:$1$page" >"$3" 2>&1
  wait "$spawned" || { cat "$3" >&2; fail "wrk failed against port $1"; }
}
echo "warming up Chorus for ${warmup} s …"
run_wrk "$port" "$warmup" "$tmp/wrk-warmup.txt"
echo "wrk -t$threads -c$connections -d${duration}s against nginx …"
run_wrk "$nginx_port" "$duration" "$tmp/wrk-nginx.txt"
echo "wrk -t$threads -c$connections -d${duration}s against Chorus …"
run_wrk "$port" "$duration" "$tmp/wrk-chorus.txt"

rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
latency_ms() { # $1 = percentile (50, 99), $2 = wrk output; prints milliseconds
  awk -v p="$1%" '$1 == p {
    v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    f = (unit == "us") ? 0.001 : (unit == "ms") ? 1 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : -1
    if (f > 0) printf "%.2f", v * f; exit }' "$2"
}
problems() { grep -E 'Non-2xx|Socket errors' "$1" | sed 's/^ *//' | paste -sd ';' - || true; }

nginx_rps=$(rps "$tmp/wrk-nginx.txt") chorus_rps=$(rps "$tmp/wrk-chorus.txt")
[[ -n "$nginx_rps" && -n "$chorus_rps" ]] || { cat "$tmp/wrk-nginx.txt" "$tmp/wrk-chorus.txt" >&2; fail "could not read wrk's output"; }

# 6. report
echo
$gzip && echo "(gzip: wrk sends Accept-Encoding: gzip; nginx serves statement.html.gz with gzip_static)"
echo "statement page $page ($size bytes), wrk -t$threads -c$connections -d${duration}s, 127.0.0.1"
printf '%-8s %12s %10s %10s\n' server "requests/s" "p50 ms" "p99 ms"
printf '%-8s %12.0f %10s %10s\n' nginx "$nginx_rps" "$(latency_ms 50 "$tmp/wrk-nginx.txt")" "$(latency_ms 99 "$tmp/wrk-nginx.txt")"
printf '%-8s %12.0f %10s %10s\n' chorus "$chorus_rps" "$(latency_ms 50 "$tmp/wrk-chorus.txt")" "$(latency_ms 99 "$tmp/wrk-chorus.txt")"
for server in nginx chorus; do
  issues=$(problems "$tmp/wrk-$server.txt")
  [[ -z "$issues" ]] || echo "warning: $server: $issues"
done
ratio=$(awk -v c="$chorus_rps" -v n="$nginx_rps" 'BEGIN { printf "%.2f", c / n }')
if awk -v r="$ratio" 'BEGIN { exit !(r < 0.50) }'; then verdict="BELOW target"; else verdict="meets target"; fi
echo "ratio chorus/nginx = $ratio (target >= 0.50): $verdict"
echo "nproc = $(nproc); nginx, Chorus (with its embedded PostgreSQL) and wrk all share these cores" \
  "(load average before the run: $load)"
