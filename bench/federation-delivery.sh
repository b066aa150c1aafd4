#!/usr/bin/env bash
# Federation delivery benchmark (issue 17): one statement published by an organization with 10,000 followers, each
# with its own inbox (no shared inbox: the worst case), on 500 servers simulated on loopback, delivered by a real
# Chorus process through the outbound queue (signed requests, at most 4 at a time per server). Prints deliveries per
# second from the moment of publication and the process's peak resident memory (target: at least 300 per second on 2
# cores), then repeats with a kill -9 of the Chorus process midway and a restart: received, unique, repeated, missing.
# Starts its own embedded PostgreSQL and servers on 127.0.0.1 and stops them at the end.
# Usage: bench/federation-delivery.sh [--inboxes N(10000)] [--servers N(500)] [--kill-at FRACTION(0.5)] [--heap 1g]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
source <(sed -n '/^java_major()/,/^}/p;/^find_java()/,/^}/p' bin/chorus)
find_java
./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.chorus.federation.DeliveryBench "$@"
