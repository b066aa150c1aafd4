#!/usr/bin/env bash
# Fan-out benchmark of the email engine: one announcement-like message (Markdown body, one-click unsubscribe link)
# to each of N followers (default 100,000), sent by a real Chorus process to a minimal SMTP sink on loopback
# (src/test/java/org/chorus/email/SmtpSink.java: accepts at the final dot, counts Message-IDs, stores nothing;
# GreenMail, which the tests use, keeps a mailbox per recipient and became the bottleneck past ~20,000 recipients).
# Prints messages per second (target >= 500 on a 2-core machine) and the peak memory (RSS) of the Chorus process,
# then repeats with a kill -9 of the Chorus process midway and a restart, and prints how many messages the sink
# received, unique, duplicated and missing (target: 0 duplicated, 0 missing).
# Starts its own embedded PostgreSQL and SMTP sink on 127.0.0.1 and stops them at the end.
# Usage: bench/email-fanout.sh [--count N] [--kill-at FRACTION(0.5)] [--connections N(4)]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
source <(sed -n '/^java_major()/,/^}/p;/^find_java()/,/^}/p' bin/chorus)
find_java
./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.chorus.email.EmailFanoutBench "$@"
