# Shared by bench/pages and bench/search (sourced, not run): options, starting Chorus on a data directory of
# generated data (bench/generate) and stopping everything on exit, sequential timed requests with curl, percentiles,
# and the Markdown table with the machine, the commit and the command line.
# The caller sets `bench` (its name) before sourcing, and may add its own options through `bench_option`.
# `bash bench/lib/harness.sh selftest` checks the percentile code (BenchScriptsTest runs it).

# ---------------------------------------------------------------------------------------------------------- options
: "${bench:=harness}"
statements=100000 data_dir="" url="" port=8105 db_port=54405 requests=200 warmup=20 max_seconds=20
command_line="bench/$bench${*:+ $*}"

bench_help() { # prints the calling script's header comment
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}

bench_usage_error() { echo "$bench: $1 (see --help)" >&2; exit 2; }

positive() { # $1 = option, $2 = value
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || bench_usage_error "$1 takes a positive whole number, not '$2'"
}

# parses the common options; an option it does not know goes to the caller's `bench_option NAME VALUE`, which returns
# 0 when it took NAME with VALUE (and 1 when it does not know it either)
bench_parse() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -h|--help) bench_help; exit 0 ;;
      --statements) positive "$1" "${2:-}"; statements=$2; shift 2 ;;
      --data-dir) [[ -n "${2:-}" ]] || bench_usage_error "--data-dir needs a directory"; data_dir=$2; shift 2 ;;
      --url) [[ "${2:-}" =~ ^https?://[^/]+$ ]] || bench_usage_error "--url takes http://host:port (no path), not '${2:-}'"
        url=$2; shift 2 ;;
      --port) positive "$1" "${2:-}"; port=$2; shift 2 ;;
      --db-port) positive "$1" "${2:-}"; db_port=$2; shift 2 ;;
      --requests) positive "$1" "${2:-}"; requests=$2; shift 2 ;;
      --warmup) [[ "${2:-}" =~ ^[0-9]+$ ]] || bench_usage_error "--warmup takes a whole number, not '${2:-}'"
        warmup=$2; shift 2 ;;
      --max-seconds) positive "$1" "${2:-}"; max_seconds=$2; shift 2 ;;
      *)
        [[ "$1" == --* && $# -ge 2 ]] && bench_option "$1" "$2" && { shift 2; continue; }
        bench_usage_error "unknown option '$1'" ;;
    esac
  done
  [[ -n "$data_dir" ]] || data_dir="bench-data/$statements"
  for tool in curl psql perl; do
    command -v "$tool" >/dev/null || { echo "$bench: needs $tool (apt-get install curl postgresql-client perl)" >&2; exit 1; }
  done
}

# ------------------------------------------------------------------------------------------ processes and clean-up
tmp=$(mktemp -d -t "chorus-$bench.XXXXXX")
groups=()    # process groups started here (each child runs in its own session, so its pid is its group id)
postgres_dir="" # the embedded PostgreSQL's files when this run started Chorus (stopped by its recorded pid)

trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

spawn() { setsid "$@" & spawned=$!; groups+=("$spawned"); }

bench_cleanup() {
  local status=$? group postmaster i
  trap - EXIT INT TERM
  for ((i = ${#groups[@]} - 1; i >= 0; i--)); do
    group=${groups[i]}
    if kill -TERM -- "-$group" 2>/dev/null; then
      for _ in $(seq 1 150); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.2; done
      kill -KILL -- "-$group" 2>/dev/null || true
    fi
    wait "$group" 2>/dev/null || true
  done
  # the embedded PostgreSQL may outlive its Chorus: stop it by the pid it recorded
  if [[ -n "$postgres_dir" && -f "$postgres_dir/postmaster.pid" ]]; then
    postmaster=$(head -1 "$postgres_dir/postmaster.pid")
    if [[ "$postmaster" =~ ^[0-9]+$ ]] && kill -0 "$postmaster" 2>/dev/null; then
      kill -INT "$postmaster" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$postmaster" 2>/dev/null || true
    fi
  fi
  rm -rf "$tmp"
  exit "$status"
}

fail() { # $1 = message, $2 = optional log to show
  echo "$bench: $1" >&2
  if [[ -n "${2:-}" && -f "$2" ]]; then echo "--- last lines of $2:" >&2; tail -n 40 "$2" >&2; fi
  exit 1
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

sql() { # $1 = query; prints rows, fields separated by |
  psql -X -q -h 127.0.0.1 -p "$db_port" -U postgres -d chorus -At -v ON_ERROR_STOP=1 -c "$1"
}

# Generates $actions actions into the data directory (bench/generate --actions) unless it has them already, or unless
# --url names a running Chorus: the directory is kept, so the next run (of any bench on actions) reuses it.
bench_generate_actions() {
  [[ -z "$url" && ! -f "$data_dir/generated/actions-summary.txt" ]] || return 0
  for p in "$port" "$db_port"; do
    listening "$p" && fail "something already listens on 127.0.0.1:$p; stop it, pick other ports (--port, --db-port), or pass --url"
  done
  mkdir -p "$data_dir"
  echo "generating $actions actions into $data_dir (bench/generate --actions; the directory is kept for the next run) …" >&2
  spawn env CHORUS_DEV_DATABASE_PORT="$db_port" CHORUS_PORT="$port" \
    bench/generate --actions "$actions" --data-dir "$data_dir" --db-port "$db_port" >"$tmp/generate.log" 2>&1
  wait "$spawned" || fail "bench/generate --actions failed" "$tmp/generate.log"
  grep -E '^(Planned|Done)' "$tmp/generate.log" >&2 || true
}

# Starts Chorus in dev mode on the data directory, generating data into it first when it has none (bench/generate),
# unless --url names a running one; `bench_env` (NAME=value words) adds to its environment. Sets `url`.
bench_env=()
bench_start() {
  if [[ -n "$url" ]]; then
    echo "using the running Chorus at $url (its database on 127.0.0.1:$db_port for slugs and words)" >&2
    return 0
  fi
  for p in "$port" "$db_port"; do
    listening "$p" && fail "something already listens on 127.0.0.1:$p; stop it, pick other ports (--port, --db-port), or pass --url"
  done
  mkdir -p "$data_dir"
  data_dir=$(cd "$data_dir" && pwd)
  postgres_dir="$data_dir/postgres"

  local jar=target/run/chorus.jar training before pid build_status=0
  if [[ ! -f $jar || -n "$(find src pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    echo "building Chorus (bin/chorus build) …" >&2
    training="$PWD/target/training/postgres" # the build's start-up-cache training run can leave its PostgreSQL running
    before=$(pgrep -f -- "-D $training( |\$)" || true)
    spawn bin/chorus build >&2 # the table alone goes to stdout
    wait "$spawned" || build_status=$?
    for pid in $(pgrep -f -- "-D $training( |\$)" || true); do
      grep -qx "$pid" <<<"$before" || kill -INT "$pid" || true
    done
    ((build_status == 0)) || fail "bin/chorus build failed"
  fi

  # bench_demo=1 (set by the caller): the demo data `bin/chorus dev` makes in an empty directory is enough
  if [[ "${bench_demo:-0}" != 1 && ! -f "$data_dir/generated/words-en.txt" ]]; then
    [[ -x bench/generate ]] || fail "$data_dir holds no generated data and bench/generate is missing"
    echo "generating $statements statements into $data_dir (bench/generate; minutes; the directory is kept for the next run) …" >&2
    spawn env CHORUS_DEV_DATABASE_PORT="$db_port" CHORUS_PORT="$port" \
      bench/generate --statements "$statements" --data-dir "$data_dir" >"$tmp/generate.log" 2>&1
    wait "$spawned" || fail "bench/generate failed" "$tmp/generate.log"
    [[ -f "$data_dir/generated/words-en.txt" ]] || fail "bench/generate wrote no $data_dir/generated/words-en.txt" "$tmp/generate.log"
  fi

  echo "starting Chorus on 127.0.0.1:$port (data in $data_dir, database port $db_port) …" >&2
  spawn env CHORUS_DATA_DIR="$data_dir" CHORUS_DEV_DATABASE_PORT="$db_port" CHORUS_PORT="$port" "${bench_env[@]}" \
    bin/chorus dev >"$tmp/chorus.log" 2>&1
  local chorus=$spawned deadline=$((SECONDS + 300))
  url="http://127.0.0.1:$port"
  until [[ "$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$url/login" 2>/dev/null || true)" == 200 ]]; do
    kill -0 "$chorus" 2>/dev/null || fail "Chorus exited during start-up" "$tmp/chorus.log"
    ((SECONDS < deadline)) || fail "Chorus did not answer on $url/login within 300 s" "$tmp/chorus.log"
    sleep 1
  done
}

# ------------------------------------------------------------------------------------------------------- requests
run_id="$$$RANDOM"

# Signs in through the real form (session cookie and CSRF token, as a browser does) as the first of the given
# accounts that works, retrying while the demo data is still being made; the session stays in $tmp/session and the
# address in `signed_in_as`.
signed_in_as=""
sign_in() { # $1 = password, then the addresses to try
  local password=$1 jar="$tmp/session" page token email deadline=$((SECONDS + 120))
  shift
  while :; do
    for email in "$@"; do
      rm -f "$jar"
      page=$(curl -s -c "$jar" -b "$jar" "$url/login")
      token=$({ grep -o 'name="_csrf" value="[^"]*"' <<<"$page" || true; } | head -1 | sed 's/.*value="//; s/"$//')
      [[ -n "$token" ]] || fail "no CSRF token on $url/login"
      curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$email" --data-urlencode "password=$password" \
        --data-urlencode "_csrf=$token" "$url/login"
      if curl -s -b "$jar" "$url/" | grep -q 'action="/logout"'; then
        signed_in_as=$email
        echo "signed in as $email" >&2
        return 0
      fi
    done
    ((SECONDS < deadline)) || fail "could not sign in on $url/login as any of: $*"
    sleep 5
  done
}

encode() { printf '%s' "$1" | perl -pe 's/([^A-Za-z0-9\-._~])/sprintf("%%%02X", ord($1))/ge'; } # UTF-8, percent-encoded

# the href of the first <a rel="next" …> in a page, &amp; decoded
next_link() {
  perl -0ne 'while (/<a\b([^>]*)>/g) { my $a = $1; if ($a =~ /\brel="next"/ && $a =~ /\bhref="([^"]*)"/) {
               my $h = $1; $h =~ s/&amp;/&/g; print "$h\n"; exit } }'
}

# with_bench_parameter PATH: the path with a parameter unique to this request, so an anonymous request is a distinct
# key of the page cache (PublicPageCache keys on the path and every parameter) and misses it
request_number=0
with_bench_parameter() {
  request_number=$((request_number + 1))
  if [[ "$1" == *\?* ]]; then printf '%s&bench=%s-%s\n' "$1" "$run_id" "$request_number"
  else printf '%s?bench=%s-%s\n' "$1" "$run_id" "$request_number"; fi
}

# Times requests one after the other (latency, not throughput), over keep-alive connections of 5 requests each.
# $1 = file of paths (one a line; cycled), $2 = "anonymous" or "signed-in", $3 = count, $4 = seconds at most (at least
# one batch), $5 = output file: one line per request, "HTTP-status milliseconds".
time_requests() {
  local paths=$1 who=$2 count=$3 budget=$4 out=$5 start=$SECONDS done=0 n i path cookies=()
  local lines
  lines=$(wc -l <"$paths")
  ((lines > 0)) || fail "no paths to request"
  [[ "$who" == signed-in ]] && cookies=(-b "$tmp/session")
  while ((done < count)); do
    : >"$tmp/batch.cfg"
    for ((i = 0; i < 5 && done + i < count; i++)); do
      path=$(sed -n "$(((done + i) % lines + 1))p" "$paths")
      [[ "$who" == anonymous ]] && path=$(with_bench_parameter "$path")
      printf 'url = "%s%s"\noutput = "/dev/null"\n' "$url" "$path" >>"$tmp/batch.cfg"
    done
    n=$i
    curl -s "${cookies[@]}" -K "$tmp/batch.cfg" -w '%{http_code} %{time_total}\n' |
      awk '{ printf "%s %.3f\n", $1, $2 * 1000 }' >>"$out"
    done=$((done + n))
    ((SECONDS - start < budget)) || break
  done
}

# Reads "status ms" lines; prints "n errors p50 p95 p99 max" (nearest-rank percentiles of the 2xx answers, in ms).
percentiles() {
  local errors
  errors=$(awk '$1 !~ /^2/' "$1" | wc -l)
  awk '$1 ~ /^2/ { print $2 }' "$1" | sort -n | awk -v errors="$errors" '
    function rank(p,   r) { r = int(p * NR / 100); if (r < p * NR / 100) r++; if (r < 1) r = 1; return v[r] }
    { v[NR] = $1 }
    END {
      if (NR == 0) { printf "0 %d - - - -\n", errors; exit }
      printf "%d %d %.1f %.1f %.1f %.1f\n", NR, errors, rank(50), rank(95), rank(99), v[NR]
    }'
}

# ---------------------------------------------------------------------------------------------------------- report
rows=()
# measure LABEL WHO PATHS-FILE TARGET-P95 [TARGET-P99]: warm-up, timed run, one Markdown row kept for the report
measure() {
  local label=$1 who=$2 paths=$3 t95=$4 t99=${5:-} n errors p50 p95 p99 max verdict ratio
  if ((warmup > 0)); then
    time_requests "$paths" "$who" "$warmup" 5 "$tmp/warmup.txt"
  fi
  : >"$tmp/timed.txt"
  time_requests "$paths" "$who" "$requests" "$max_seconds" "$tmp/timed.txt"
  read -r n errors p50 p95 p99 max < <(percentiles "$tmp/timed.txt")
  if [[ "$n" == 0 ]]; then
    verdict="ERROR" ratio="-"
  else
    ratio=$(awk -v p="$p95" -v t="$t95" 'BEGIN { printf "%.2f", p / t }')
    verdict=$(awk -v p95="$p95" -v t95="$t95" -v p99="$p99" -v t99="$t99" \
      'BEGIN { print (p95 < t95 && (t99 == "" || p99 < t99)) ? "PASS" : "MISS" }')
    if [[ -n "$t99" ]]; then ratio="$ratio / $(awk -v p="$p99" -v t="$t99" 'BEGIN { printf "%.2f", p / t }')"; fi
  fi
  ((errors == 0)) || verdict="$verdict ($errors errors)"
  local target="p95 < $t95"
  [[ -n "$t99" ]] && target="$target, p99 < $t99"
  rows+=("| $label | $who | $n | $p50 | $p95 | $p99 | $max | $target | $ratio | $verdict |")
  printf '%-70s %-9s n=%-4s p50 %7s  p95 %7s  p99 %7s  max %7s ms  %s\n' \
    "$label" "$who" "$n" "$p50" "$p95" "$p99" "$max" "$verdict" >&2
}

machine() {
  local cpu ram
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  ram=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
  echo "$(nproc) cores, $ram RAM, ${cpu:-unknown CPU}"
}

commit() {
  local sha
  sha=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  [[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]] || sha="$sha (with uncommitted changes)"
  echo "$sha"
}

# report TITLE NOTE: the Markdown to paste into docs/performance.md
report() {
  local title=$1 note=$2 published texts
  published=$(sql "select count(*) from statements where status = 'PUBLISHED'" 2>/dev/null || echo "?")
  texts=$(sql "select count(*) from statement_texts" 2>/dev/null || echo "?")
  echo
  echo "### $title"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(machine); load average (1, 5, 15 min) before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- commit: $(commit)"
  echo "- data: $published published statements, $texts texts"
  echo "- command: \`$command_line\`"
  echo "- $note"
  echo
  echo "| request | reader | n | p50 ms | p95 ms | p99 ms | max ms | target | ratio | result |"
  echo "|---|---|--:|--:|--:|--:|--:|---|--:|---|"
  printf '%s\n' "${rows[@]}"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------------------------------------------- self-test
if [[ "${BASH_SOURCE[0]}" == "$0" && "${1:-}" == selftest ]]; then
  for i in $(seq 100 -1 1); do echo "200 $i"; done >"$tmp/s"
  echo "500 0.5" >>"$tmp/s"
  got=$(percentiles "$tmp/s")
  [[ "$got" == "100 1 50.0 95.0 99.0 100.0" ]] || { echo "percentiles: got '$got'" >&2; exit 1; }
  echo "ok"
fi
