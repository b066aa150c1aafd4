package org.chorus.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.support.ChildChorus;
import org.chorus.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two Chorus sites on loopback, each a process of its own with its own database, federate as two servers would: each
 * league follows the other's by its handle; a statement, its correction and its retraction reach the other side's
 * allied-organizations feed, and so do an action and its cancellation. Then one site is killed with SIGKILL while it
 * delivers a burst of statements, and restarted: every statement published reaches the other site exactly once.
 */
class FederationBetweenTwoSitesTest {

    static final int BURST = 150;

    /** A site: its process, its port, its database, where it answers. */
    static final class Site {
        final String name;
        final int port;
        final String database;
        final String url;
        final String keys = PersonalData.generateJson();
        final Path replies;
        final File log;
        final JdbcClient jdbc;
        Process process;
        Writer commands;
        int sent;
        String slug;

        Site(String name, JdbcClient admin) throws Exception {
            this.name = name;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            database = "site_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
            admin.sql("CREATE DATABASE " + database).update();
            url = TestDatabase.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
            jdbc = JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "", true));
            replies = Files.createTempFile("site-" + name, ".replies");
            log = Files.createTempFile("site-" + name, ".log").toFile();
        }

        void start() throws Exception {
            Files.writeString(replies, "");
            sent = 0;
            process = ChildChorus.start(
                    url,
                    keys,
                    log,
                    List.of(
                            "server.port=" + port,
                            "chorus.base-url=http://127.0.0.1:" + port,
                            "chorus.outbound.queue.first-retry=1s",
                            "chorus.outbound.queue.lease=15s",
                            "spring.modulith.events.republish-outstanding-events-on-restart=true"),
                    TwoSitesChild.class,
                    replies.toString());
            commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            reply(0, Duration.ofSeconds(120));
        }

        /** Sends a command; returns its number, to wait for its reply with {@link #reply}. */
        int send(String command) throws Exception {
            commands.write(command + "\n");
            commands.flush();
            return ++sent;
        }

        String call(String command) throws Exception {
            return reply(send(command), Duration.ofSeconds(60));
        }

        String reply(int number, Duration within) {
            var found = new String[1];
            Awaitility.await(name + " answers command " + number + " (see " + log + ")")
                    .atMost(within)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        for (var line : Files.readAllLines(replies)) {
                            if (line.startsWith(number + " ")) {
                                found[0] = line.substring(line.indexOf(' ') + 1);
                                return true;
                            }
                        }
                        return !process.isAlive();
                    });
            assertThat(found[0])
                    .as("%s answered (see %s)", name, log)
                    .isNotNull()
                    .doesNotStartWith("ERROR");
            return found[0];
        }

        String handle() {
            return slug + "@127.0.0.1:" + port;
        }

        String actor() {
            return "http://127.0.0.1:" + port + "/o/" + slug;
        }

        void stop() {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    final JdbcClient admin =
            JdbcClient.create(new SingleConnectionDataSource(TestDatabase.jdbcUrl(), "postgres", "", true));
    Site league;
    Site chapter;

    @AfterEach
    void stop_both_and_drop_their_databases() throws Exception {
        for (var site : List.of(league, chapter)) {
            if (site != null) {
                site.stop();
                site.process.waitFor(20, TimeUnit.SECONDS);
                admin.sql("DROP DATABASE " + site.database + " WITH (FORCE)").update();
            }
        }
    }

    long followState(Site site, String actor, String state) {
        return site.jdbc
                .sql("select count(*) from federation_following where actor_id = :a and state = :s")
                .param("a", actor)
                .param("s", state)
                .query(Long.class)
                .single();
    }

    List<String> posts(Site site, String where) {
        return site.jdbc
                .sql("select name from federation_allied_posts where " + where + " order by seq")
                .query(String.class)
                .list();
    }

    void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(condition);
    }

    @Test
    void two_sites_follow_each_other_exchange_statements_and_actions_and_a_crash_loses_and_repeats_nothing()
            throws Exception {
        league = new Site("league", admin);
        chapter = new Site("chapter", admin);
        // both start at once: each takes a while
        var starting = new Thread(() -> {
            try {
                chapter.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        starting.start();
        league.start();
        starting.join();
        league.slug = league.call("seed");
        chapter.slug = chapter.call("seed");

        league.call("follow @" + chapter.handle());
        chapter.call("follow " + league.actor());
        await(
                "each follow accepted",
                () -> followState(league, chapter.actor(), "accepted") == 1
                        && followState(chapter, league.actor(), "accepted") == 1);

        var slug = chapter.call("publish Clean air for Nairobi");
        var address = "http://127.0.0.1:" + chapter.port + "/s/" + slug;
        await(
                "the statement reaches the league",
                () -> posts(league, "object_id = '" + address + "'").equals(List.of("Clean air for Nairobi")));
        chapter.call("correct " + slug);
        await(
                "its correction reaches the league",
                () -> league.jdbc
                        .sql("""
                                select content_html like '%Corrected%' from federation_allied_posts where object_id = :id""")
                        .param("id", address)
                        .query(Boolean.class)
                        .optional()
                        .orElse(false));
        chapter.call("retract " + slug);
        await(
                "its retraction reaches the league",
                () -> posts(league, "object_id = '" + address + "'").isEmpty());

        var action = league.call("action Rally for clean air");
        var event = "http://127.0.0.1:" + league.port + "/actions/" + action;
        await(
                "the action reaches the chapter",
                () -> posts(chapter, "object_id = '" + event + "' and not cancelled")
                        .equals(List.of("Rally for clean air")));
        league.call("cancel " + action);
        await(
                "its cancellation reaches the chapter",
                () -> posts(chapter, "object_id = '" + event + "' and cancelled")
                        .equals(List.of("Rally for clean air")));

        // a burst from the chapter, killed with SIGKILL mid-delivery, then restarted
        chapter.send("publish-many " + BURST);
        var burst = "name like 'Statement number %'";
        Awaitility.await("a tenth of the burst delivered")
                .atMost(Duration.ofSeconds(120))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> posts(league, burst).size() >= BURST / 10 || !chapter.process.isAlive());
        assertThat(chapter.process.isAlive())
                .as("the chapter still runs (see %s)", chapter.log)
                .isTrue();
        chapter.process.destroyForcibly();
        assertThat(chapter.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        int atKill = posts(league, burst).size();
        long publishedAtKill = published(chapter);
        assertThat(atKill)
                .as("killed mid-delivery")
                .isLessThan((int) publishedAtKill + 1)
                .isLessThan(BURST);

        chapter.start();
        await(
                "every statement the chapter published reaches the league",
                () -> posts(league, burst).size() == published(chapter));
        var delivered = posts(league, burst);
        assertThat(delivered).as("each once").doesNotHaveDuplicates();
        long repeated = chapter.jdbc.sql("""
                        select count(*) from outbound_deliveries where channel = 'federation' and attempts > 1""").query(Long.class).single();
        System.out.printf(
                "two sites: %d statements published by the chapter before the kill, %d delivered then; after the"
                        + " restart %d published and %d delivered, each once (%d deliveries tried again)%n",
                publishedAtKill, atKill, published(chapter), delivered.size(), repeated);
        assertThat(league.jdbc
                        .sql("select count(*) from federation_inbox_activities where type = 'Create'")
                        .query(Long.class)
                        .single())
                .as("the league took each Create once")
                .isEqualTo(published(chapter) + 1);
    }

    /** Statements of the burst the chapter published (committed before the kill). */
    long published(Site site) {
        return site.jdbc.sql("""
                        select count(*) from statements s join statement_texts t on t.statement_id = s.id
                         where t.title like 'Statement number %' and s.status = 'PUBLISHED'""").query(Long.class).single();
    }
}
