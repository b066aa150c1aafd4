package org.chorus.federation;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.chorus.email.EmailFanoutBench;
import org.chorus.federation.signing.HttpSignatures;
import org.chorus.federation.signing.RsaKeys;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * bench/federation-delivery: one statement published by an organization with {@code --inboxes} followers (default
 * 10,000), each with its own inbox and no shared one, on {@code --servers} servers (default 500) simulated on loopback
 * (one port each, so the queue's limit per server applies), delivered by a real Chorus process through the outbound
 * queue: once straight through (deliveries per second from the moment of publication; peak resident memory), then with
 * a {@code kill -9} of the Chorus process midway and a restart (received, unique, repeated, missing). Every server
 * answers 202; one request in 100 has its signature checked with the organization's published key. {@code --heap} is
 * the Chorus process's largest heap (default 1g).
 */
public final class DeliveryBench {

    private static final Pattern ACTIVITY_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int inboxes = 10_000;
        int servers = 500;
        double killAt = 0.5;
        String heap = "1g";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inboxes" -> inboxes = Integer.parseInt(args[++i]);
                case "--servers" -> servers = Integer.parseInt(args[++i]);
                case "--kill-at" -> killAt = Double.parseDouble(args[++i]);
                case "--heap" -> heap = args[++i];
                default -> {
                    System.err.println("federation-delivery: unknown option " + args[i]
                            + " (--inboxes N, --servers N, --kill-at FRACTION, --heap SIZE)");
                    System.exit(2);
                }
            }
        }
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        var work = Files.createTempDirectory("chorus-federation");
        var fediverse = new Fediverse(servers, inboxes / servers);
        try (var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true)
                .start()) {
            System.out.printf(
                    "federation-delivery: one statement to %,d inboxes on %,d servers on loopback (ports %d-%d)%n",
                    fediverse.inboxes.size(), servers, fediverse.firstPort(), fediverse.lastPort());
            var list = work.resolve("inboxes.txt");
            Files.write(list, fediverse.inboxes);

            var straight = run(postgres, fediverse, "straight", list, -1, heap, work);
            System.out.printf("%n== straight ==%n");
            straight.print(fediverse.inboxes.size());

            fediverse.reset();
            var crashed = run(postgres, fediverse, "kill9", list, killAt, heap, work);
            System.out.printf("%n== kill -9 at %.0f%% and a restart ==%n", killAt * 100);
            crashed.print(fediverse.inboxes.size());
            var ok = straight.missing == 0
                    && straight.repeated == 0
                    && crashed.missing == 0
                    && fediverse.badSignatures.get() == 0;
            System.out.printf(
                    "%nsignatures checked    %,d, refused %,d%n",
                    fediverse.checked.get(), fediverse.badSignatures.get());
            System.out.printf(
                    "result: %s%n",
                    ok
                            ? "none missed; after the kill, " + crashed.repeated
                                    + " request(s) repeated with the same activity id (a receiver takes each once)"
                            : "FAILED");
        } finally {
            fediverse.close();
        }
    }

    record Outcome(
            long publishedAt,
            long lastAt,
            long received,
            long receivedAtKill,
            long unique,
            long repeated,
            long missing,
            String done) {
        void print(int expected) {
            var seconds = (lastAt - publishedAt) / 1000.0;
            if (receivedAtKill >= 0) {
                System.out.printf("received before kill  %,d%n", receivedAtKill);
            }
            System.out.printf(
                    "received              %,d of %,d (unique %,d, repeated %,d, missing %,d)%n",
                    received, expected, unique, repeated, missing);
            System.out.printf(
                    "last one              %.1f s after publication: %,.0f deliveries per second%n",
                    seconds, unique / seconds);
            System.out.println("chorus                " + done);
        }
    }

    static Outcome run(
            EmbeddedPostgres postgres,
            Fediverse fediverse,
            String name,
            Path list,
            double killAt,
            String heap,
            Path work)
            throws Exception {
        var database = "federation_" + name;
        var admin =
                JdbcClient.create(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), true));
        admin.sql("DROP DATABASE IF EXISTS " + database).update();
        admin.sql("CREATE DATABASE " + database).update();
        var url = postgres.getJdbcUrl("postgres", database);
        var keys = PersonalData.generateJson();
        var log = work.resolve(name + ".log").toFile();
        var db = JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "", true));
        var child = start(url, keys, list, heap, log);
        // the organization's key, for the servers' spot checks, once the child made it
        while (fediverse.key == null && child.isAlive()) {
            try {
                fediverse.key = RsaKeys.publicKey(db.sql("select public_key_pem from federation_keys limit 1")
                        .query(String.class)
                        .optional()
                        .orElse(null));
            } catch (RuntimeException notYet) {
                Thread.sleep(200);
            }
        }
        long receivedAtKill = -1;
        if (killAt > 0) {
            while (fediverse.total.get() < fediverse.inboxes.size() * killAt && child.isAlive()) {
                Thread.sleep(20);
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            receivedAtKill = fediverse.total.get();
            System.out.printf(
                    "killed the Chorus process (SIGKILL) after %,d deliveries; restarting it%n", receivedAtKill);
            child = start(url, keys, list, heap, log);
        }
        if (!child.waitFor(30, TimeUnit.MINUTES) || child.exitValue() != 0) {
            throw new IllegalStateException("the Chorus process did not finish; see " + log);
        }
        var lines = Files.readAllLines(log.toPath());
        var publishedAt = lines.stream()
                .filter(l -> l.startsWith("published at "))
                .map(l -> Long.parseLong(l.substring("published at ".length()).strip()))
                .findFirst()
                .orElseThrow();
        var done = lines.stream()
                .filter(l -> l.startsWith("deliveries done at "))
                .reduce((a, b) -> b)
                .map(l -> l.replaceAll("^deliveries done at \\d+ ", ""))
                .orElse("?");
        var counts = fediverse.byKey;
        long unique = counts.size();
        long received = counts.values().stream().mapToLong(AtomicInteger::get).sum();
        return new Outcome(
                publishedAt,
                fediverse.lastAt.get(),
                received,
                receivedAtKill,
                unique,
                received - unique,
                fediverse.inboxes.size() - fediverse.inboxesReached(),
                done);
    }

    static Process start(String url, String keys, Path list, String heap, File log) throws Exception {
        return EmailFanoutBench.startChorus(url, keys, 1, 1, heap, log, DeliveryBenchChild.class, list.toString());
    }

    /** The servers on loopback: each records what it receives, by activity id and inbox, and answers 202. */
    static final class Fediverse implements AutoCloseable {

        final List<HttpServer> servers = new ArrayList<>();
        final List<String> inboxes = new ArrayList<>();
        final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();
        final Map<String, Boolean> inboxesSeen = new ConcurrentHashMap<>();
        final AtomicLong total = new AtomicLong();
        final AtomicLong lastAt = new AtomicLong();
        final AtomicLong checked = new AtomicLong();
        final AtomicLong badSignatures = new AtomicLong();
        volatile java.security.PublicKey key;

        Fediverse(int count, int perServer) throws Exception {
            var executor = Executors.newVirtualThreadPerTaskExecutor();
            for (int s = 0; s < count; s++) {
                var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
                var origin = "http://127.0.0.1:" + server.getAddress().getPort();
                server.setExecutor(executor);
                server.createContext("/users/", exchange -> {
                    var body = exchange.getRequestBody().readAllBytes();
                    var path = exchange.getRequestURI().getPath();
                    var id = ACTIVITY_ID.matcher(new String(body, StandardCharsets.UTF_8));
                    var activity = id.find() ? id.group(1) : "?";
                    byKey.computeIfAbsent(activity + " " + origin + path, k -> new AtomicInteger())
                            .incrementAndGet();
                    inboxesSeen.put(origin + path, true);
                    if (total.incrementAndGet() % 100 == 0 && key != null) {
                        checked.incrementAndGet();
                        var headers = new java.util.HashMap<String, String>();
                        exchange.getRequestHeaders().forEach((n, v) -> headers.put(n, String.join(", ", v)));
                        var request = new HttpSignatures.Request("POST", path, headers, body);
                        try {
                            HttpSignatures.verify(request, HttpSignatures.parse(request), key, java.time.Instant.now());
                        } catch (HttpSignatures.Refused e) {
                            badSignatures.incrementAndGet();
                        }
                    }
                    lastAt.accumulateAndGet(System.currentTimeMillis(), Math::max);
                    exchange.sendResponseHeaders(202, -1);
                    exchange.close();
                });
                server.start();
                servers.add(server);
                for (int f = 0; f < perServer; f++) {
                    inboxes.add(origin + "/users/u" + f + "/inbox");
                }
            }
        }

        int firstPort() {
            return servers.getFirst().getAddress().getPort();
        }

        int lastPort() {
            return servers.getLast().getAddress().getPort();
        }

        long inboxesReached() {
            return inboxesSeen.size();
        }

        void reset() {
            byKey.clear();
            inboxesSeen.clear();
            total.set(0);
            lastAt.set(0);
            key = null;
        }

        @Override
        public void close() {
            servers.forEach(s -> s.stop(0));
        }
    }
}
