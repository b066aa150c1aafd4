package org.chorus.email;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * bench/email-fanout: one message to each of N followers (default 100,000), sent by a real Chorus process to a
 * minimal SMTP sink on loopback ({@link SmtpSink}), twice: once straight through (messages per second, peak memory of the Chorus
 * process), then again with a {@code kill -9} of the Chorus process midway and a restart (received, unique,
 * duplicated, missing). Everything runs on 127.0.0.1 and stops when the benchmark ends.
 */
public final class EmailFanoutBench {

    private static final AtomicLong PEAK_RSS_KB = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int count = 100_000;
        double killAt = 0.5;
        int connections = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--kill-at" -> killAt = Double.parseDouble(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("email-fanout: unknown option " + args[i]
                            + " (--count N, --kill-at FRACTION, --connections N)");
                    System.exit(2);
                }
            }
        }
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        var work = Files.createTempDirectory("chorus-fanout");
        var sink = new SmtpSink();
        try (var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true)
                .start()) {
            System.out.printf(
                    "email-fanout: %,d messages, %d SMTP connections, SMTP sink on 127.0.0.1:%d%n",
                    count, connections, sink.port());

            var straight = run(postgres, sink, "straight", count, connections, -1, work);
            var seconds = (straight.lastAt - straight.queuedAt) / 1000.0;
            System.out.printf("%n== straight run ==%n");
            System.out.printf(
                    "queued in            %.1f s (one transaction, sealed addresses)%n",
                    (straight.queuedAt - straight.startedAt) / 1000.0);
            System.out.printf("delivered            %,d messages in %.1f s%n", straight.received, seconds);
            System.out.printf(
                    "messages per second  %,.0f  (target >= 500: %s)%n",
                    straight.received / seconds, straight.received / seconds >= 500 ? "met" : "BELOW");
            System.out.printf("peak memory (RSS)    %,d MiB of the Chorus process%n", straight.peakRssKb / 1024);

            sink.reset();
            var crashed = run(postgres, sink, "kill9", count, connections, killAt, work);
            System.out.printf("%n== run with kill -9 at %.0f%% and a restart ==%n", killAt * 100);
            System.out.printf("received before kill %,d%n", crashed.receivedAtKill);
            System.out.printf("received in all      %,d%n", crashed.received);
            System.out.printf("unique               %,d%n", crashed.unique);
            System.out.printf("duplicated           %,d%n", crashed.duplicated);
            System.out.printf("missing              %,d%n", crashed.missing);
            System.out.printf(
                    "marked unknown       %,d (delivered or not; never resent automatically)%n", crashed.unknown);
            System.out.printf(
                    "%nresult: %s%n",
                    crashed.duplicated == 0 && crashed.missing == 0
                            ? "0 duplicated, 0 missing"
                            : crashed.duplicated == 0 && crashed.missing <= crashed.unknown
                                    ? "0 duplicated; " + crashed.missing + " missing, all among the " + crashed.unknown
                                            + " unknown ones an operator can resend (bin/chorus admin mail unknown)"
                                    : "FAILED");
        } finally {
            sink.close();
        }
    }

    public record Outcome(
            long startedAt,
            long queuedAt,
            long lastAt,
            long received,
            long receivedAtKill,
            long unique,
            long duplicated,
            long missing,
            long unknown,
            long peakRssKb) {}

    public static Outcome run(
            EmbeddedPostgres postgres, SmtpSink sink, String name, int count, int connections, double killAt, Path work)
            throws Exception {
        var database = "fanout_" + name;
        var admin =
                JdbcClient.create(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), true));
        admin.sql("DROP DATABASE IF EXISTS " + database).update();
        admin.sql("CREATE DATABASE " + database).update();
        var url = postgres.getJdbcUrl("postgres", database);
        var keys = PersonalData.generateJson();
        var run = "fanout-" + name;
        var log = work.resolve(name + ".log").toFile();
        var startedAt = System.currentTimeMillis();
        var child = start(url, keys, run, count, connections, sink.port(), log);
        var peak = watchMemory(child);
        long receivedAtKill = -1;
        if (killAt > 0) {
            while (sink.total() < count * killAt && child.isAlive()) {
                Thread.sleep(200);
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            receivedAtKill = sink.total();
            System.out.printf(
                    "killed the Chorus process (SIGKILL) after %,d messages; restarting it%n", receivedAtKill);
            child = start(url, keys, run, count, connections, sink.port(), log);
            peak = watchMemory(child);
        }
        if (!child.waitFor(60, TimeUnit.MINUTES) || child.exitValue() != 0) {
            throw new IllegalStateException("the Chorus process did not finish; see " + log);
        }
        Files.readAllLines(log.toPath()).stream()
                .filter(l -> l.startsWith("seeded ") || l.startsWith("announcement queued "))
                .forEach(l -> System.out.println("  " + l));
        var queuedAt = Files.readAllLines(log.toPath()).stream()
                .filter(l -> l.startsWith("queued "))
                .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(startedAt);
        var counts = sink.byMessageId();
        long last = sink.lastAt();
        Map<String, String> statusById = new HashMap<>();
        JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "", true))
                .sql("SELECT message_id, status FROM email_outbox")
                .query((rs, n) -> statusById.put(rs.getString(1), rs.getString(2)))
                .list();
        var missing = statusById.keySet().stream()
                .filter(id -> !counts.containsKey(id))
                .count();
        var unknown = statusById.values().stream().filter("unknown"::equals).count();
        var received = counts.values().stream().mapToLong(Integer::longValue).sum();
        return new Outcome(
                startedAt,
                queuedAt,
                last == 0 ? System.currentTimeMillis() : last,
                received,
                receivedAtKill,
                counts.size(),
                counts.values().stream().filter(n -> n > 1).count(),
                missing,
                unknown,
                peak.get());
    }

    static Process start(String url, String keys, String run, int count, int connections, int smtpPort, File log)
            throws Exception {
        return startChorus(
                url, keys, smtpPort, connections, "1g", log, AnnouncementFanoutChild.class, run, String.valueOf(count));
    }

    /**
     * A Chorus process of a benchmark: {@code main} with {@code args}, on the database at {@code url} with these
     * personal-data keys, sending through the sink at {@code smtpPort} as fast as it can, its output appended to
     * {@code log}.
     */
    public static Process startChorus(
            String url,
            String keys,
            int smtpPort,
            int connections,
            String heap,
            File log,
            Class<?> main,
            String... args)
            throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dspring.datasource.url=" + url,
                "-Dspring.datasource.username=postgres",
                "-Dchorus.mail.host=127.0.0.1",
                "-Dchorus.mail.port=" + smtpPort,
                "-Dchorus.mail.rate-per-second=1000000",
                "-Dchorus.mail.batch-size=200",
                "-Dchorus.mail.connections=" + connections,
                "-Dchorus.mail.lease-seconds=5",
                "-Dlogging.level.root=warn",
                main.getName()));
        var recording = System.getenv("BENCH_JFR");
        if (recording != null && !recording.isBlank()) {
            // a flight recording of each Chorus process, for finding where its time goes
            command.add(
                    2,
                    "-XX:StartFlightRecording=settings=profile,filename=" + recording + "/" + log.getName() + "-"
                            + System.nanoTime() + ".jfr");
        }
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("CHORUS_DATA_KEYS", keys);
        return builder.start();
    }

    /** Follows the peak resident memory (VmHWM) of the process while it runs. */
    static AtomicLong watchMemory(Process process) {
        var peak = new AtomicLong();
        Thread.ofVirtual().start(() -> {
            var status = Path.of("/proc/" + process.pid() + "/status");
            while (process.isAlive()) {
                try {
                    for (var line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            peak.set(Long.parseLong(line.replaceAll("\\D", "")));
                        }
                    }
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        });
        return peak;
    }
}
