package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.support.ChildChorus;
import org.chorus.support.TestDatabase;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A sign-on is acknowledged only once it is stored, with its letter: a real, separate Chorus process takes a burst of
 * sign-ons over HTTP and is killed with SIGKILL midway; a second process on the same database sends the letters that
 * were left. Every sign-on that was acknowledged is there exactly once, every sign-on stored has its one letter queued in the
 * same commit (nothing half-stored), and no letter arrives twice.
 */
class SignOnCrashTest {

    static final int COUNT = 400;
    static final int SENDERS = 8;
    static final Pattern STAMP = Pattern.compile("name=\"stamp\" value=\"([^\"]+)\"");

    @Test
    void a_process_killed_mid_burst_lost_no_acknowledged_sign_on_and_sends_each_letter_once() throws Exception {
        var run = "signcrash-" + UUID.randomUUID().toString().substring(0, 8);
        var database = run.replace('-', '_');
        var admin = JdbcClient.create(new SingleConnectionDataSource(TestDatabase.jdbcUrl(), "postgres", "", true));
        admin.sql("CREATE DATABASE " + database).update();
        var url = TestDatabase.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
        var keys = PersonalData.generateJson();
        var log = Files.createTempFile("signon-crash", ".log").toFile();
        var ready = Files.createTempDirectory("signon-crash").resolve("ready");

        var first = start(url, keys, ready, log);
        var acknowledged = ConcurrentHashMap.<String>newKeySet();
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            var target = awaitReady(ready, first, log);
            var stamp = stamp(http, target);
            var next = new AtomicInteger();
            try (var pool = Executors.newFixedThreadPool(SENDERS)) {
                for (int s = 0; s < SENDERS; s++) {
                    pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < COUNT; i = next.getAndIncrement()) {
                            var email = "p" + i + "@" + run + ".example.org";
                            if (sign(http, target, stamp, email)) {
                                acknowledged.add(email);
                            }
                        }
                    });
                }
                Awaitility.await("a third of the sign-ons acknowledged, or the first process gone")
                        .atMost(Duration.ofSeconds(120))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(5))
                        .pollInSameThread()
                        .until(() -> acknowledged.size() >= COUNT / 3 || !first.isAlive());
                assertThat(first.isAlive())
                        .as("still taking sign-ons (see %s)", log)
                        .isTrue();
                first.destroyForcibly(); // SIGKILL: requests under way are cut, nothing is flushed
                assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            first.destroyForcibly();
        }
        var atKill = acknowledged.size();
        assertThat(atKill).as("killed midway").isBetween(COUNT / 3, COUNT - 1);

        Files.deleteIfExists(ready);
        var second = start(url, keys, ready, log);
        var db = JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "", true));
        try {
            awaitReady(ready, second, log);
            Awaitility.await("the second process sent what was left")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() ->
                            db.sql("select count(*) from email_outbox where status in ('queued', 'claimed', 'sending')")
                                            .query(Long.class)
                                            .single()
                                    == 0);
        } finally {
            second.destroyForcibly();
            second.waitFor(20, TimeUnit.SECONDS);
        }

        var personalData = PersonalData.fromJson(keys);
        var rows = db.sql("select email_index, confirm_token_hash from signons where kind = 'PERSON'")
                .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getString(2)})
                .list();
        var stored = new HashMap<String, Integer>();
        for (var email : acknowledged) {
            var index = personalData.index(Signer.canonicalEmail(email), Signer.EMAIL_INDEX);
            stored.put(email, (int) rows.stream()
                    .filter(r -> java.util.Arrays.equals((byte[]) r[0], index))
                    .count());
        }
        var letters = db.sql(
                        "select idempotency_key, status from email_outbox where idempotency_key like 'signons.confirm:%'")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getString(2)))
                .list();
        var keysQueued = letters.stream().map(java.util.Map.Entry::getKey).toList();
        var received = received(run);
        var receivedTwice = received.values().stream().filter(n -> n > 1).count();
        System.out.printf(
                "sign-on crash test: %d sent, %d acknowledged before the kill, %d stored, %d letters queued, %d received,"
                        + " %d received twice%n",
                COUNT, atKill, rows.size(), letters.size(), received.size(), receivedTwice);

        assertThat(stored.values())
                .as("each acknowledged sign-on stored exactly once")
                .allMatch(n -> n == 1);
        assertThat(rows.size())
                .as("at most the requests in flight at the kill besides")
                .isLessThan(atKill + SENDERS + 1);
        assertThat(rows)
                .as("every stored sign-on has its letter, queued in the same commit")
                .allMatch(r -> keysQueued.contains("signons.confirm:" + r[1]));
        assertThat(letters).hasSize(rows.size());
        assertThat(receivedTwice).as("letters received twice").isZero();
        assertThat(letters.stream().filter(l -> l.getValue().equals("unknown")).count())
                .as("at most the letters cut between their commit point and the end of DATA")
                .isLessThanOrEqualTo(2);
        assertThat(received.size()).isGreaterThanOrEqualTo(letters.size() - 2);
        admin.sql("DROP DATABASE " + database + " WITH (FORCE)").update();
    }

    static Process start(String url, String keys, Path ready, File log) throws Exception {
        return ChildChorus.start(
                url,
                keys,
                log,
                List.of(
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "chorus.signons.min-fill-seconds=0",
                        // a dead node's claimed letters go back to the others soon
                        "chorus.mail.lease-seconds=3"),
                SignOnCrashChild.class,
                ready.toString());
    }

    /** The child's address and statement, once it serves. */
    static String awaitReady(Path ready, Process child, File log) throws Exception {
        Awaitility.await("the child serves (see " + log + ")")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(ready) || !child.isAlive());
        assertThat(child.isAlive()).as("the child started (see %s)", log).isTrue();
        var parts = Files.readString(ready).split(" ");
        return "http://127.0.0.1:" + parts[0] + "/s/" + parts[1];
    }

    static String stamp(HttpClient http, String statement) throws Exception {
        var page =
                http.send(HttpRequest.newBuilder(URI.create(statement)).build(), HttpResponse.BodyHandlers.ofString());
        var matcher = STAMP.matcher(page.body());
        assertThat(matcher.find())
                .as("the statement page carries the sign-on form")
                .isTrue();
        return matcher.group(1);
    }

    /**
     * Sends one sign-on; true when it was acknowledged (2xx, or the 303 to "check your email"). A cut connection is no
     * acknowledgement.
     */
    static boolean sign(HttpClient http, String statement, String stamp, String email) {
        var form = "kind=person&name=Signer&country=KE&stamp=" + URLEncoder.encode(stamp, StandardCharsets.UTF_8)
                + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(statement + "/sign"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2
                    || response.statusCode() == 303
                            && response.headers()
                                    .firstValue("Location")
                                    .orElse("")
                                    .endsWith("/sign/sent");
        } catch (Exception cut) {
            return false;
        }
    }

    static java.util.Map<String, Integer> received(String run) {
        var counts = new HashMap<String, Integer>();
        for (var message : TestMail.server().getReceivedMessages()) {
            try {
                var to = ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
                if (to.endsWith("@" + run + ".example.org")) {
                    counts.merge(to, 1, Integer::sum);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }
}
