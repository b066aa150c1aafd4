#!/usr/bin/env bash
# Times the statement lists uncached (a cookie other than the language's bypasses the page cache) on a running Chorus:
# home, /statements first and deep pages (cursor, old page number), filters, an organization's page and list, the
# Atom feed and the API; prints p50, p95 and max in ms per address.
#   bench/lists.sh [--base http://127.0.0.1:8080] [--requests 50] [--org SLUG] [--cursor TOKEN] [--topic T]
# The cursor of a deep page comes from any list's "Older" link; with --cursor the deep pages are timed too.
set -euo pipefail
base=http://127.0.0.1:8080 requests=50 org="" cursor="" topic=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --org) org=$2; shift 2 ;;
    --cursor) cursor=$2; shift 2 ;;
    --topic) topic=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
paths=(/ /statements "/statements?page=50" /statements.atom /api/v1/statements "/statements?language=ar"
       "/statements?from=2022-01-01&to=2022-03-31")
[[ -n "$topic" ]] && paths+=("/statements?topic=$topic" "/statements?topic=$topic&language=fr")
[[ -n "$org" ]] && paths+=("/o/$org" "/o/$org/statements" "/statements.atom?organization=$org"
                           "/api/v1/statements?organization=$org")
[[ -n "$cursor" ]] && paths+=("/statements?after=$cursor" "/statements?before=$cursor" "/statements.atom?after=$cursor"
                              "/api/v1/statements?after=$cursor")
printf '%-60s %6s %6s %6s\n' address p50 p95 max
for path in "${paths[@]}"; do
  curl -s -o /dev/null -H 'Cookie: bench=1' "$base$path"   # warm up
  times=$(for _ in $(seq "$requests"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Cookie: bench=1' "$base$path"
  done)
  if grep -qv '^200 ' <<<"$times"; then echo "$path: not 200: $(grep -v '^200 ' <<<"$times" | head -1)" >&2; fi
  awk '{ print $2 * 1000 }' <<<"$times" | sort -n | awk -v p="${path:0:60}" '{ t[NR] = $1 } END {
    printf "%-60s %6.1f %6.1f %6.1f\n", p, t[int((NR + 1) * 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }'
done
