package org.chorus.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.support.ChildChorus;
import org.chorus.support.TestDatabase;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Exactly once across a crash: a real, separate Chorus process sends a few hundred messages to GreenMail and is killed
 * with SIGKILL midway; a second process finishes the job. No message may arrive twice, and every message must arrive
 * except, at most, one per SMTP connection that was cut exactly between its commit point and the end of DATA (those
 * are marked unknown and not resent).
 */
class MailCrashTest {

    static final int COUNT = 300;
    static final int CONNECTIONS = 2;

    @Test
    void a_sender_killed_mid_send_resumes_without_sending_any_message_twice() throws Exception {
        var run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        var database = run.replace('-', '_');
        var admin = JdbcClient.create(new SingleConnectionDataSource(TestDatabase.jdbcUrl(), "postgres", "", true));
        admin.sql("CREATE DATABASE " + database).update();
        var url = TestDatabase.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
        var keys = PersonalData.generateJson();
        var log = Files.createTempFile("mail-crash", ".log").toFile();

        var first = start(url, keys, run, log);
        // polled often, so the kill comes soon after a third has arrived, well before the end
        Awaitility.await("a third of the messages received, or the first sender gone")
                .atMost(Duration.ofSeconds(90))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .pollInSameThread()
                .until(() -> received(run).size() >= COUNT / 3 || !first.isAlive());
        assertThat(first.isAlive())
                .as("the first sender is still sending (see %s)", log)
                .isTrue();
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the SMTP connections
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        var atKill = received(run).size();
        assertThat(atKill).as("killed midway").isBetween(COUNT / 3, COUNT - 1);

        var second = start(url, keys, run, log);
        assertThat(second.waitFor(120, TimeUnit.SECONDS))
                .as("the second sender finishes (see %s)", log)
                .isTrue();
        assertThat(second.exitValue()).isZero();

        var messageIds = received(run);
        var counts = new HashMap<String, Integer>();
        messageIds.forEach(id -> counts.merge(id, 1, Integer::sum));
        var duplicated = counts.values().stream().filter(n -> n > 1).count();
        var outbox = JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "", true));
        Map<String, String> statusById = new HashMap<>();
        outbox.sql("SELECT message_id, status FROM email_outbox WHERE batch = :batch")
                .param("batch", "crash:" + run)
                .query((rs, n) -> statusById.put(rs.getString(1), rs.getString(2)))
                .list();
        var unknown = statusById.values().stream().filter("unknown"::equals).count();
        var missing = statusById.keySet().stream()
                .filter(id -> !counts.containsKey(id))
                .toList();

        System.out.printf(
                "crash test: %d messages, %d received before the kill, %d received in all, %d unique, %d duplicated,"
                        + " %d missing, %d unknown%n",
                COUNT, atKill, messageIds.size(), counts.size(), duplicated, missing.size(), unknown);
        assertThat(statusById).hasSize(COUNT);
        assertThat(duplicated).as("messages received twice").isZero();
        assertThat(statusById.values()).allMatch(s -> s.equals("sent") || s.equals("unknown"));
        assertThat(unknown).isLessThanOrEqualTo(CONNECTIONS);
        assertThat(missing).allMatch(id -> statusById.get(id).equals("unknown"));
        statusById.forEach((id, status) -> {
            if (status.equals("sent")) {
                assertThat(counts).containsKey(id);
            }
        });
        admin.sql("DROP DATABASE " + database + " WITH (FORCE)").update();
    }

    static Process start(String url, String keys, String run, File log) throws Exception {
        return ChildChorus.start(
                url,
                keys,
                log,
                List.of(
                        "chorus.mail.rate-per-second=150",
                        "chorus.mail.batch-size=10",
                        "chorus.mail.connections=" + CONNECTIONS,
                        "chorus.mail.lease-seconds=3"),
                MailCrashChild.class,
                run,
                String.valueOf(COUNT));
    }

    static List<String> received(String run) {
        var ids = new ArrayList<String>();
        for (var message : TestMail.server().getReceivedMessages()) {
            try {
                var to = message.getAllRecipients()[0].toString();
                if (to.endsWith("@" + run + ".example.org")) {
                    ids.add(message.getMessageID());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }
}
