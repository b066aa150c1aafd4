#!/usr/bin/env bash
# A burst of sign-ons (issue 14): how many distinct people can sign a statement per second, each acknowledged only
# once their sign-on and its confirmation letter are committed, against PostgreSQL's own speed at a single-row INSERT.
# Starts `bin/chorus dev` (built if needed) on a throwaway data directory with the demo data (its finance statement is
# open for sign-on) and the per-network limits raised for the run, reads the signed form stamp from the cached
# statement page, waits out the minimum fill time, then runs `wrk` POSTing distinct people's sign-ons (as the page's
# form does: same origin, stamp, empty honeypot) over loopback for --duration seconds at --connections; then, in the
# same run and on the same database, `pgbench` doing a single-row INSERT at the same concurrency. Afterwards it counts
# the sign-ons stored and compares them with the acknowledged answers (2xx, or the 303 to "check your email"; each
# acknowledged sign-on must be there, once). A --warmup of uncounted sign-ons comes first: a server that takes a burst
# has been running for a while, its code compiled. Prints sign-ons/s, p50/p99 latency, errors, the INSERTs/s of
# pgbench, the ratio (target ≥ 0.5) and the absolute target (≥ 1,000 sign-ons/s), the CPU time Chorus and PostgreSQL
# spent per sign-on (and PostgreSQL per pgbench INSERT: figures a busy machine changes less than rates), then a
# Markdown table for docs/performance.md. A measurement, not a test: exits 0 unless something could not run (or
# acknowledged sign-ons are missing: exit 3). Needs wrk, pgbench, psql, curl, perl, ss.
# Usage: bench/signon-burst.sh [--duration S(20)] [--warmup S(90)] [--connections N(32)] [--threads N(2)]
#                              [--port CHORUS_PORT(8106)] [--db-port DATABASE_PORT(54406)]
set -euo pipefail
cd "$(dirname "$0")/.."
bench=signon-burst
bench_demo=1
source bench/lib/harness.sh
command_line="bench/signon-burst.sh${*:+ $*}"
duration=20 warmup=90 connections=32 threads=2 port=8106 db_port=54406
bench_option() {
  case "$1" in
    --duration) positive "$1" "$2"; duration=$2 ;;
    --warmup) [[ "$2" =~ ^[0-9]+$ ]] || bench_usage_error "$1 takes a number of seconds"; warmup=$2 ;;
    --connections) positive "$1" "$2"; connections=$2 ;;
    --threads) positive "$1" "$2"; threads=$2 ;;
    *) return 1 ;;
  esac
}
bench_parse "$@"
for tool in wrk pgbench; do
  command -v "$tool" >/dev/null || fail "needs $tool (apt-get install wrk postgresql-contrib)"
done
[[ -z "$url" ]] || fail "--url is not supported: the run needs its own Chorus with raised limits"
data_dir="$tmp/data"
statement=public-finance-for-a-just-transition-now

# the run's own limits: every request comes from 127.0.0.1, one network, which would be refused after 50
export CHORUS_SIGNONS_PER_NETWORK=100000000 CHORUS_SIGNONS_PER_STATEMENT_PER_MINUTE=100000000
bench_start

page=$(curl -s "$url/s/$statement")
stamp=$(perl -ne 'print $1 and exit if /name="stamp"\s+value="([^"]+)"/ || /value="([^"]+)"\s+name="stamp"/' <<<"$page")
[[ -n "$stamp" ]] || fail "no sign-on form on $url/s/$statement (is the demo statement open for sign-on?)"
before=$(sql "select count(*) from signons s join statements t on t.id = s.statement_id where t.slug = '$statement'")
fill=$(( ${CHORUS_SIGNONS_MIN_FILL_SECONDS:-3} + 1 ))
echo "stamp read; waiting ${fill} s (the form's minimum fill time) …" >&2
sleep "$fill"

cat >"$tmp/burst.lua" <<LUA
local counter = 0
local thread_id = 0
statuses = {}
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  thread_id = id
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Origin"] = "$url"
  wrk.headers["Sec-Fetch-Site"] = "same-origin"
end
function request()
  counter = counter + 1
  local body = "kind=person&name=Burst+" .. thread_id .. "+" .. counter
    .. "&email=burst-$run_id-" .. (os.getenv("BURST_PHASE") or "run") .. "-" .. thread_id .. "-" .. counter .. "%40example.org"
    .. "&country=FR&stamp=$stamp"
  return wrk.format(nil, "/s/$statement/sign", nil, body)
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local ok, other = 0, 0
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do
      if code >= 200 and code < 400 then ok = ok + n else other = other + n end
    end
  end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %.1f %.1f %.1f\n", ok, other, e.connect + e.read + e.write + e.timeout,
    ok / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA

if ((warmup > 0)); then
  # a server that takes a burst has been running for days: its code is compiled; these sign-ons are not counted
  echo "wrk: ${warmup} s of warm-up sign-ons (not counted) …" >&2
  BURST_PHASE=warmup wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$tmp/burst.lua" "$url" >"$tmp/warmup.txt" 2>&1 ||
    fail "wrk failed during the warm-up" "$tmp/warmup.txt"
  sleep 2 # the warm-up's last sign-ons commit
  before=$(sql "select count(*) from signons s join statements t on t.id = s.statement_id where t.slug = '$statement'")
fi
# CPU time (ms) spent so far by Chorus (the Java process listening on the port) and by PostgreSQL (the postmaster, its
# live backends, and the backends that ended): per sign-on, a figure that a busy machine changes far less than rates
ticks=$(getconf CLK_TCK)
chorus_pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
postmaster=$(head -1 "$postgres_dir/postmaster.pid")
cpu_ms() { # $1 = pid; $2 = 1 to add the children that ended
  awk -v t="$ticks" -v c="${2:-0}" '{ sub(/^.*\) /, ""); print ($12 + $13 + (c ? $14 + $15 : 0)) * 1000 / t }' "/proc/$1/stat"
}
postgres_ms() {
  local total pid
  total=$(cpu_ms "$postmaster" 1)
  for pid in $(pgrep -P "$postmaster"); do total=$(awk -v a="$total" -v b="$(cpu_ms "$pid" 2>/dev/null || echo 0)" 'BEGIN { print a + b }'); done
  echo "$total"
}
[[ -n "$chorus_pid" ]] || fail "no process listens on port $port"
chorus_before=$(cpu_ms "$chorus_pid") postgres_before=$(postgres_ms)

echo "wrk: $connections connections, $threads threads, ${duration} s of sign-ons …" >&2
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$tmp/burst.lua" "$url" >"$tmp/wrk.txt" 2>&1 ||
  fail "wrk failed" "$tmp/wrk.txt"
read -r _ acknowledged refused unanswered per_second p50 p99 < <(grep '^RESULT' "$tmp/wrk.txt") ||
  fail "wrk printed no result" "$tmp/wrk.txt"
chorus_after=$(cpu_ms "$chorus_pid") postgres_after=$(postgres_ms)
after=$(sql "select count(*) from signons s join statements t on t.id = s.statement_id where t.slug = '$statement'")
stored=$((after - before))
per_sign_on() { awk -v a="$1" -v b="$2" -v n="$stored" 'BEGIN { printf "%.2f", (n > 0 ? (b - a) / n : 0) }'; }
chorus_cpu=$(per_sign_on "$chorus_before" "$chorus_after") postgres_cpu=$(per_sign_on "$postgres_before" "$postgres_after")

echo "pgbench: a single-row INSERT, $connections clients, ${duration} s …" >&2
sql "create table if not exists bench_inserts (id bigserial primary key, name text not null, at timestamptz not null default now())"
pgbench_before=$(postgres_ms)
echo "insert into bench_inserts (name) values ('burst');" >"$tmp/insert.sql"
PGUSER=postgres pgbench -h 127.0.0.1 -p "$db_port" -n -c "$connections" -j "$threads" -T "$duration" -f "$tmp/insert.sql" chorus \
  >"$tmp/pgbench.txt" 2>&1 || fail "pgbench failed" "$tmp/pgbench.txt"
inserts=$(awk '/^tps = / { printf "%.1f", $3 }' "$tmp/pgbench.txt")
insert_count=$(awk '/^number of transactions actually processed:/ { print $NF }' "$tmp/pgbench.txt")
insert_cpu=$(awk -v a="$pgbench_before" -v b="$(postgres_ms)" -v n="${insert_count:-0}" 'BEGIN { printf "%.3f", (n > 0 ? (b - a) / n : 0) }')
sql "drop table bench_inserts"

ratio=$(awk -v a="$per_second" -v b="$inserts" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
verdict=$(awk -v r="$ratio" -v s="$per_second" 'BEGIN { print (r >= 0.5 && s >= 1000) ? "PASS" : "MISS" }')
# each acknowledged sign-on is stored (once: the addresses are distinct and unique per statement); a request wrk gave
# up on (timeout), and those in flight when it stopped (one per connection at most), may have been stored all the
# same, so the stored ones may exceed the acknowledged by that many
durable=0
((stored >= acknowledged && stored <= acknowledged + unanswered + connections)) && durable=1
summary="$acknowledged acknowledged, $stored stored, $unanswered unanswered by the deadline of wrk, up to $connections in flight at its end"
printf 'sign-ons/s %s  p50 %s ms  p99 %s ms  refused %s  pgbench INSERTs/s %s  ratio %s  %s; %s\n' \
  "$per_second" "$p50" "$p99" "$refused" "$inserts" "$ratio" "$verdict" "$summary" >&2
printf 'CPU per sign-on: Chorus %s ms, PostgreSQL %s ms; per pgbench INSERT: PostgreSQL %s ms\n' \
  "$chorus_cpu" "$postgres_cpu" "$insert_cpu" >&2

cat <<MD

### Sign-on burst (bench/signon-burst.sh)

- date: $(date -u '+%Y-%m-%d %H:%M UTC')
- machine: $(machine); load average (1, 5, 15 min) before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)
- commit: $(commit)
- command: \`$command_line\`
- wrk and pgbench each ${duration} s at $connections connections ($threads threads), one after the other, same database,
  after ${warmup} s of sign-ons not counted

| measure | sign-ons (wrk) | single-row INSERT (pgbench) | ratio | target | result |
|---|--:|--:|--:|---|---|
| per second | $per_second | $inserts | $ratio | ≥ 0.5 × pgbench and ≥ 1,000/s | $verdict |
| latency p50 / p99 ms | $p50 / $p99 | | | | |
| CPU ms per sign-on / per INSERT: Chorus, PostgreSQL | $chorus_cpu, $postgres_cpu | –, $insert_cpu | | | |
| acknowledged / stored / refused / unanswered | $acknowledged / $stored / $refused / $unanswered | | | each acknowledged one stored once | $( ((durable)) && echo PASS || echo MISS ) |
MD
((durable)) || exit 3
