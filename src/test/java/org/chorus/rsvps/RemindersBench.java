package org.chorus.rsvps;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chorus.email.EmailFanoutBench;
import org.chorus.email.SmtpSink;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * bench/rsvp-reminders: {@code --rsvps} reminders (default 10,000) due in the same minute across {@code --actions}
 * actions (default 5,000), sent by a real Chorus process (the job {@code send-rsvp-reminders} and the email engine) to
 * the SMTP sink of bench/email-fanout.sh on loopback: once straight through (messages per second from the moment they
 * were due, against the engine's own rate for an announcement to as many people, measured first in the same run), then
 * with a {@code kill -9} of the Chorus process midway and a restart (received, unique, duplicated, missing). Last, the
 * campaign page's SQL queries and rendering time with those RSVPs and with {@code --more} more (default 1,000,000).
 */
public final class RemindersBench {

    public static void main(String[] args) throws Exception {
        int actions = 5_000;
        int rsvps = 10_000;
        int more = 1_000_000;
        double killAt = 0.5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--actions" -> actions = Integer.parseInt(args[++i]);
                case "--rsvps" -> rsvps = Integer.parseInt(args[++i]);
                case "--more" -> more = Integer.parseInt(args[++i]);
                case "--kill-at" -> killAt = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("rsvp-reminders: unknown option " + args[i]
                            + " (--actions N, --rsvps N, --more N, --kill-at FRACTION)");
                    System.exit(2);
                }
            }
        }
        if (rsvps % actions != 0) {
            System.err.println("rsvp-reminders: --rsvps must be a multiple of --actions");
            System.exit(2);
        }
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        var work = Files.createTempDirectory("chorus-reminders");
        var sink = new SmtpSink();
        try (var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true)
                .start()) {
            System.out.printf(
                    "rsvp-reminders: %,d reminders due at once across %,d actions; SMTP sink on 127.0.0.1:%d%n",
                    rsvps, actions, sink.port());

            var fanout = EmailFanoutBench.run(postgres, sink, "reference", rsvps, 4, -1, work);
            var fanoutRate = fanout.received() / ((fanout.lastAt() - fanout.queuedAt()) / 1000.0);
            System.out.printf(
                    "%n== the engine's rate: an announcement to %,d people ==%n%,.0f messages per second%n",
                    rsvps, fanoutRate);

            sink.reset();
            var straight = run(postgres, sink, "straight", actions, rsvps / actions, more, -1, work);
            var seconds = (straight.lastAt - straight.dueAt) / 1000.0;
            var rate = straight.received / seconds;
            System.out.printf("%n== reminders, straight ==%n");
            System.out.printf(
                    "received             %,d of %,d (unique %,d, duplicated %,d, missing %,d)%n",
                    straight.received, rsvps, straight.unique, straight.duplicated, straight.missing);
            System.out.printf(
                    "last one             %.1f s after they were due (the job runs every %d s)%n",
                    seconds, RsvpJobs.REMIND_INTERVAL.toSeconds());
            System.out.printf(
                    "messages per second  %,.0f from the moment they were due; %.2f × the engine's rate%n",
                    rate, rate / fanoutRate);
            straight.campaignPage.forEach(line -> System.out.println(line));

            sink.reset();
            var crashed = run(postgres, sink, "kill9", actions, rsvps / actions, 0, killAt, work);
            System.out.printf("%n== reminders, kill -9 at %.0f%% and a restart ==%n", killAt * 100);
            System.out.printf("received before kill %,d%n", crashed.receivedAtKill);
            System.out.printf("received in all      %,d of %,d%n", crashed.received, rsvps);
            System.out.printf("unique               %,d%n", crashed.unique);
            System.out.printf("duplicated           %,d%n", crashed.duplicated);
            System.out.printf(
                    "missing              %,d (reminders not queued, or queued and not received)%n", crashed.missing);
            System.out.printf(
                    "marked unknown       %,d (delivered or not; never resent automatically)%n", crashed.unknown);
            var ok = straight.duplicated == 0
                    && straight.missing == 0
                    && crashed.duplicated == 0
                    && crashed.missing <= crashed.unknown;
            System.out.printf("%nresult: %s%n", ok ? "none sent twice, none missed" : "FAILED");
        } finally {
            sink.close();
        }
    }

    record Outcome(
            long dueAt,
            long lastAt,
            long received,
            long receivedAtKill,
            long unique,
            long duplicated,
            long missing,
            long unknown,
            List<String> campaignPage) {}

    static Outcome run(
            EmbeddedPostgres postgres,
            SmtpSink sink,
            String name,
            int actions,
            int perAction,
            int more,
            double killAt,
            Path work)
            throws Exception {
        var database = "reminders_" + name;
        var admin =
                JdbcClient.create(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), true));
        admin.sql("DROP DATABASE IF EXISTS " + database).update();
        admin.sql("CREATE DATABASE " + database).update();
        var url = postgres.getJdbcUrl("postgres", database);
        var keys = PersonalData.generateJson();
        var log = work.resolve(name + ".log").toFile();
        var child = start(url, keys, actions, perAction, more, sink.port(), log);
        var expected = (long) actions * perAction;
        // what the sink has received, each second: steady, or in bursts with pauses between
        var timeline = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
        var watching = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Thread.sleep(1000);
                    timeline.add(sink.total());
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        });
        long receivedAtKill = -1;
        if (killAt > 0) {
            while (sink.total() < expected * killAt && child.isAlive()) {
                Thread.sleep(100);
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            receivedAtKill = sink.total();
            System.out.printf(
                    "killed the Chorus process (SIGKILL) after %,d messages; restarting it%n", receivedAtKill);
            child = start(url, keys, actions, perAction, 0, sink.port(), log);
        }
        if (!child.waitFor(60, TimeUnit.MINUTES) || child.exitValue() != 0) {
            throw new IllegalStateException("the Chorus process did not finish; see " + log);
        }
        watching.interrupt();
        var perSecond = new ArrayList<Long>();
        long before = 0;
        for (var total : timeline) {
            if (total > before || !perSecond.isEmpty()) {
                perSecond.add(total - before);
            }
            before = total;
        }
        while (!perSecond.isEmpty() && perSecond.getLast() == 0) {
            perSecond.removeLast();
        }
        System.out.println("  received each second: " + perSecond);
        var lines = Files.readAllLines(log.toPath());
        lines.stream()
                .filter(l -> l.startsWith("generated ") || l.startsWith("seeded "))
                .forEach(l -> System.out.println("  " + l));
        var dueAt = lines.stream()
                .filter(l -> l.startsWith("seeded "))
                .map(l -> Long.parseLong(l.replaceAll(".* due at (\\d+) .*", "$1")))
                .findFirst()
                .orElseThrow();
        var counts = sink.byMessageId();
        Map<String, String> statusById = new HashMap<>();
        var db = JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "", true));
        db.sql("select message_id, status from email_outbox where idempotency_key like 'rsvps.reminder:%'")
                .query((rs, n) -> statusById.put(rs.getString(1), rs.getString(2)))
                .list();
        var queued = statusById.size();
        var times = db.sql("""
                        select (extract(epoch from min(created_at)) * 1000)::bigint,
                               (extract(epoch from max(created_at)) * 1000)::bigint,
                               (extract(epoch from max(sent_at)) * 1000)::bigint
                          from email_outbox where idempotency_key like 'rsvps.reminder:%'""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        // reminders are queued ahead of their moment (RemindingRsvps.AHEAD) and held by the outbox until it comes
        System.out.printf(
                "  the job queued the first %.1f s %s they were due, and all in %.1f s; the last was sent %.1f s after"
                        + " they were due%n",
                Math.abs(times[0] - dueAt) / 1000.0,
                times[0] < dueAt ? "before" : "after",
                (times[1] - times[0]) / 1000.0,
                (times[2] - dueAt) / 1000.0);
        var notReceived = statusById.keySet().stream()
                .filter(id -> !counts.containsKey(id))
                .count();
        return new Outcome(
                dueAt,
                sink.lastAt(),
                counts.values().stream().mapToLong(Integer::longValue).sum(),
                receivedAtKill,
                counts.size(),
                counts.values().stream().filter(n -> n > 1).count(),
                (expected - queued) + notReceived,
                statusById.values().stream().filter("unknown"::equals).count(),
                lines.stream()
                        .filter(l -> l.startsWith("added ") || l.startsWith("campaign page "))
                        .toList());
    }

    static Process start(String url, String keys, int actions, int perAction, int more, int smtpPort, File log)
            throws Exception {
        return EmailFanoutBench.startChorus(
                url,
                keys,
                smtpPort,
                4,
                "2g",
                log,
                RemindersBenchChild.class,
                String.valueOf(actions),
                String.valueOf(perAction),
                String.valueOf(more));
    }
}
