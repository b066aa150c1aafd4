#!/usr/bin/env bash
# Reminders benchmark (issue 16): 10,000 RSVP reminders due in the same minute across 5,000 actions, sent by a real
# Chorus process (the job send-rsvp-reminders, then the email engine) to the SMTP sink of bench/email-fanout.sh on
# loopback. Prints the engine's own rate for an announcement to as many people (measured first, same run), the
# reminders' rate from the moment they were due and its ratio to it, then repeats with a kill -9 of the Chorus process
# midway and a restart and prints received, unique, duplicated and missing (target: none twice, none missed); last, the
# campaign page's SQL queries and rendering time with those RSVPs and with 1,000,000 more.
# Starts its own embedded PostgreSQL and SMTP sink on 127.0.0.1 and stops them at the end.
# Usage: bench/rsvp-reminders.sh [--actions N(5000)] [--rsvps N(10000)] [--more N(1000000)] [--kill-at FRACTION(0.5)]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
source <(sed -n '/^java_major()/,/^}/p;/^find_java()/,/^}/p' bin/chorus)
find_java
./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.chorus.rsvps.RemindersBench "$@"
