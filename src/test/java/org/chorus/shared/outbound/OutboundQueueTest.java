package org.chorus.shared.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.shared.http.OutboundHttp;
import org.chorus.shared.http.OutboundSettings;
import org.chorus.support.ChorusModuleTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests to outside servers are queued with the change that causes them and posted after it, signed by their
 * channel, once each; a server error is tried again later, a refusal is final, a request is given up two days after
 * it was queued, and a server that never answers holds a few senders, never the others. Two servers on loopback
 * (127.0.0.1 and 127.0.0.2) stand for the outside.
 */
@ChorusModuleTest
class OutboundQueueTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    // one instance serves every test of the class (the suite's lifecycle): each test starts these afresh
    String channel;
    List<String> received;
    Map<String, AtomicInteger> status;
    AtomicInteger hanging;
    HttpServer one;
    HttpServer two;
    OutboundHttp http;
    OutboundQueue queue;

    @BeforeEach
    void two_servers_and_a_queue() throws Exception {
        channel = "test-" + java.util.UUID.randomUUID();
        received = new CopyOnWriteArrayList<>();
        status = new ConcurrentHashMap<>();
        hanging = new AtomicInteger();
        one = server("127.0.0.1");
        two = server("127.0.0.2");
        http = new OutboundHttp(
                new OutboundSettings(
                        List.of("127.0.0.0/8"),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Duration.ofMillis(2500),
                        1 << 20,
                        3),
                "Chorus-test");
        OutboundSigner signer = new OutboundSigner() {
            @Override
            public String channel() {
                return channel;
            }

            @Override
            public Map<String, String> headers(String sender, URI target, byte[] body, String contentType) {
                return Map.of("X-Signed", sender + " " + target.getPath() + " " + body.length);
            }
        };
        queue = new OutboundQueue(
                jdbc,
                transactions,
                http,
                List.of(signer),
                clock,
                new OutboundQueueSettings(
                        2, 16, Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofDays(2), Duration.ofMinutes(2)));
    }

    HttpServer server(String address) throws Exception {
        var received = this.received;
        var status = this.status;
        var hanging = this.hanging;
        var server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.startsWith("/hang")) {
                hanging.incrementAndGet();
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    hanging.decrementAndGet();
                }
            }
            received.add(path + " " + exchange.getRequestHeaders().getFirst("X-Signed") + " " + body);

            int code = status.computeIfAbsent(path, p -> new AtomicInteger(202)).get();
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        queue.stop();
        http.close();
        one.stop(0);
        two.stop(0);
    }

    URI at(HttpServer server, String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path);
    }

    int enqueue(URI target, String key, String body) {
        return new TransactionTemplate(transactions)
                .execute(s -> queue.enqueue(List.of(new OutboundQueue.NewDelivery(
                        channel,
                        "org-1",
                        channel + ":" + key,
                        target,
                        "application/activity+json",
                        body.getBytes(StandardCharsets.UTF_8)))));
    }

    Map<String, Object> row(String key) {
        return jdbc.sql("""
                        select status, attempts, last_status, last_error, length(body) as body_length,
                               extract(epoch from (not_before - :now))::int as wait
                          from outbound_deliveries where idempotency_key = :key""")
                .param("key", channel + ":" + key)
                // the application's clock, which other tests may have moved ahead of the database's
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query()
                .singleRow();
    }

    @Test
    void a_request_is_posted_once_after_its_commit_signed_by_its_channel_and_its_key_queues_it_once() {
        assertThat(enqueue(at(one, "/inbox"), "a", "{\"id\":\"a\"}")).isEqualTo(1);
        assertThat(enqueue(at(one, "/inbox"), "a", "{\"id\":\"a\"}"))
                .as("the same key")
                .isZero();

        eventually("it was delivered").until(() -> "delivered".equals(row("a").get("status")));
        assertThat(received).containsExactly("/inbox org-1 /inbox 10 {\"id\":\"a\"}");
        assertThat(queue.deliverDue(Duration.ofSeconds(5))).as("nothing left").isZero();
        assertThat(row("a")).as("a delivered request keeps no body").containsEntry("body_length", 0);
    }

    @Test
    void many_requests_with_one_body_are_queued_in_chunks_each_once() {
        var body = "{\"id\":\"many\"}".getBytes(StandardCharsets.UTF_8);
        var many = new java.util.ArrayList<OutboundQueue.NewDelivery>();
        for (int i = 0; i < OutboundQueue.CHUNK * 2 + 7; i++) {
            many.add(new OutboundQueue.NewDelivery(
                    channel,
                    "org-1",
                    channel + ":many-" + i,
                    at(two, "/many/" + i),
                    "application/activity+json",
                    body));
        }
        var transaction = new TransactionTemplate(transactions);
        Integer first = transaction.execute(s -> queue.enqueue(many));
        Integer again = transaction.execute(s -> queue.enqueue(many));
        assertThat(first).isEqualTo(OutboundQueue.CHUNK * 2 + 7);
        assertThat(again).as("each once").isZero();
        assertThat(row("many-" + (OutboundQueue.CHUNK * 2 + 6))).containsEntry("body_length", body.length);
    }

    @Test
    void a_server_error_is_tried_again_later_a_refusal_is_final_and_two_days_on_it_is_given_up() {
        status.put("/flaky", new AtomicInteger(503));
        status.put("/refuse", new AtomicInteger(400));
        enqueue(at(one, "/flaky"), "flaky", "{}");
        enqueue(at(one, "/refuse"), "refuse", "{}");

        eventually("both were tried").until(() -> {
            var flaky = row("flaky");
            return "queued".equals(flaky.get("status"))
                    && (int) flaky.get("attempts") == 1
                    && "failed".equals(row("refuse").get("status"));
        });
        assertThat(row("flaky")).containsEntry("attempts", 1);
        assertThat(row("flaky")).containsEntry("last_status", 503);
        assertThat((int) row("flaky").get("wait")).isBetween(50, 60);
        assertThat(row("refuse")).containsEntry("last_error", "refused: HTTP 400");
        assertThat(row("refuse"))
                .as("a failed request keeps its body, to be tried again")
                .containsEntry("body_length", 2);

        // the server is back: the next try delivers it
        status.get("/flaky").set(202);
        jdbc.sql("update outbound_deliveries set not_before = now() where idempotency_key = :key")
                .param("key", channel + ":flaky")
                .update();
        queue.wakeUp();
        eventually("it was delivered")
                .until(() -> "delivered".equals(row("flaky").get("status")));
        assertThat(row("flaky")).containsEntry("attempts", 2);

        // still failing two days after it was queued: given up
        status.put("/gone-quiet", new AtomicInteger(500));
        enqueue(at(one, "/gone-quiet"), "old", "{}");
        eventually("it was tried once").until(() -> {
            var old = row("old");
            return "queued".equals(old.get("status")) && (int) old.get("attempts") == 1;
        });
        jdbc.sql("""
                        update outbound_deliveries set created_at = now() - interval '2 days', not_before = now()
                         where idempotency_key = :key""").param("key", channel + ":old").update();
        queue.wakeUp();
        eventually("it was given up").until(() -> "failed".equals(row("old").get("status")));
        assertThat(row("old")).containsEntry("attempts", 2);
        assertThat((String) row("old").get("last_error")).isEqualTo("gave up after 2 tries: HTTP 500");
    }

    @Test
    void a_server_that_never_answers_holds_two_senders_and_the_other_server_is_served_meanwhile() {
        for (int i = 0; i < 4; i++) {
            enqueue(at(one, "/hang/" + i), "hang-" + i, "{}");
        }
        for (int i = 0; i < 6; i++) {
            enqueue(at(two, "/inbox/" + i), "ok-" + i, "{}");
        }

        eventually("the other server got all six")
                .until(() ->
                        received.stream().filter(r -> r.startsWith("/inbox/")).count() == 6);
        assertThat(tried("hang-%"))
                .as("while the first requests to the silent server still waited")
                .isZero();
        assertThat(hanging).as("requests the silent server holds").hasValue(2);
        eventually("the silent server's requests time out, two at a time")
                .atMost(Duration.ofSeconds(20))
                .until(() -> tried("hang-%") == 4);
        assertThat(row("hang-0").get("last_error").toString()).contains("no full answer");
    }

    /** How many of the requests whose keys match were tried once and wait to be tried again. */
    long tried(String keys) {
        return jdbc.sql("""
                        select count(*) from outbound_deliveries
                         where idempotency_key like :k and status = 'queued' and attempts = 1""").param("k", channel + ":" + keys).query(Long.class).single();
    }
}
