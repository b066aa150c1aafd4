package org.chorus.shared.outbound;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chorus.shared.database.AfterCommit;
import org.chorus.shared.http.OutboundFailure;
import org.chorus.shared.http.OutboundHttp;
import org.chorus.shared.scheduling.Drain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests to outside servers, queued in the transaction of the change that causes them and sent after it, built
 * like the email engine's outbox (decision 0043): a request exists if and only if its change does; it is claimed
 * under a lease, posted through the SSRF guard ({@link OutboundHttp}) signed by its channel's {@link OutboundSigner},
 * and marked delivered on a 2xx answer. A server error, a timeout or no connection is tried again after a wait that
 * doubles (1 minute, 2, 4 … at most 6 hours) until two days after it was queued; a refusal (4xx other than 408 and
 * 429) or an address Chorus may not reach is final. At most {@link OutboundQueueSettings#perServer} requests go to one
 * server at a time, so a dead server holds a few of the senders, never all. A node that dies mid-request leaves it
 * claimed; once the lease runs out it is sent again, and receivers deduplicate by the activity's id — HTTP gives no way
 * to know whether the server kept a request whose answer was lost.
 */
public class OutboundQueue {

    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

    /** A request to queue: the channel that signs it, for whom, its idempotency key, where, and what. */
    public record NewDelivery(
            String channel, String sender, String idempotencyKey, URI target, String contentType, byte[] body) {}

    /** A claimed request, as a sender takes it. */
    record Claimed(
            long id,
            String channel,
            String sender,
            URI target,
            String contentType,
            byte[] body,
            int attempts,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final OutboundHttp http;
    private final Map<String, OutboundSigner> signers;
    private final Clock clock;
    private final OutboundQueueSettings settings;
    private final Drain drain = new Drain("chorus-outbound", this::deliverDueAlone);

    public OutboundQueue(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            OutboundHttp http,
            List<OutboundSigner> signers,
            Clock clock,
            OutboundQueueSettings settings) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.http = http;
        this.signers = signers.stream().collect(Collectors.toMap(OutboundSigner::channel, Function.identity()));
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Queues the requests in the caller's transaction, {@value #CHUNK} to a statement, skipping any whose idempotency
     * key was queued before; sending starts after the commit. Returns how many were new. A body shared by many requests
     * (one activity to every follower's inbox) is encoded once per statement, so memory stays bounded by a chunk
     * whatever the number of requests.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        var now = Timestamp.from(clock.instant());
        int inserted = 0;
        for (int from = 0; from < deliveries.size(); from += CHUNK) {
            inserted += insert(deliveries.subList(from, Math.min(deliveries.size(), from + CHUNK)), now);
        }
        wakeUp();
        return inserted;
    }

    static final int CHUNK = 500;

    private int insert(List<NewDelivery> deliveries, Timestamp now) {
        var encoded = new java.util.IdentityHashMap<byte[], String>();
        return jdbc.sql("""
                        insert into outbound_deliveries
                            (channel, sender, idempotency_key, target, host, content_type, body, not_before, created_at)
                        select d.channel, d.sender, d.key, d.target, d.host, d.content_type, decode(d.body, 'base64'),
                               :now, :now
                          from unnest(:channels, :senders, :keys, :targets, :hosts, :types, :bodies)
                               as d(channel, sender, key, target, host, content_type, body)
                        on conflict (idempotency_key) do nothing""")
                .param("now", now)
                .param("channels", column(deliveries, NewDelivery::channel))
                .param("senders", column(deliveries, NewDelivery::sender))
                .param("keys", column(deliveries, NewDelivery::idempotencyKey))
                .param("targets", column(deliveries, d -> d.target().toString()))
                .param("hosts", column(deliveries, d -> server(d.target())))
                .param("types", column(deliveries, NewDelivery::contentType))
                .param(
                        "bodies",
                        column(
                                deliveries,
                                d -> encoded.computeIfAbsent(
                                        d.body(),
                                        b -> java.util.Base64.getEncoder().encodeToString(b))))
                .update();
    }

    private static String[] column(List<NewDelivery> deliveries, Function<NewDelivery, String> value) {
        return deliveries.stream().map(value).toArray(String[]::new);
    }

    /** The server a target is on, for the limit per server: its host and port, in lower case. */
    static String server(URI target) {
        var host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        return target.getPort() < 0 ? host : host + ":" + target.getPort();
    }

    /**
     * Starts sending in the background unless this node is already sending (then it looks again), once the transaction
     * in progress, if any, has committed: woken before, the drain finds nothing queued yet and what was queued waits for
     * the job.
     */
    public void wakeUp() {
        AfterCommit.run(drain::wakeUp);
    }

    public void stop() {
        drain.stop();
    }

    /**
     * Sends what is due until nothing is or {@code budget} has passed; returns how many requests were made. One run at
     * a time per node ({@link Drain}).
     */
    public int deliverDue(Duration budget) {
        return drain.run(budget);
    }

    private int deliverDueAlone(Duration budget) {
        if (signers.isEmpty()) {
            return 0;
        }
        var deadline = clock.instant().plus(budget);
        var made = new AtomicInteger();
        var permits = new Semaphore(settings.parallel());
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!drain.stopped() && clock.instant().isBefore(deadline)) {
                int free = permits.availablePermits();
                var claimed = free == 0 ? List.<Claimed>of() : claim(free);
                if (claimed.isEmpty()) {
                    if (permits.availablePermits() == settings.parallel()) {
                        break;
                    }
                    // requests are running: when one ends, its server may take another
                    try {
                        if (permits.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                            permits.release();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    continue;
                }
                for (var delivery : claimed) {
                    permits.acquireUninterruptibly();
                    senders.submit(() -> {
                        try {
                            send(delivery);
                            made.incrementAndGet();
                        } finally {
                            permits.release();
                        }
                    });
                }
            }
        }
        return made.get();
    }

    /**
     * Claims up to {@code limit} due requests of the channels this node signs, the oldest first, leaving each server
     * no more than {@link OutboundQueueSettings#perServer} claimed at once (those under a lease count).
     */
    List<Claimed> claim(int limit) {
        var now = clock.instant();
        var claim = UUID.randomUUID();
        return tx.execute(status -> jdbc.sql("""
                        with inflight as (
                            select host, count(*) as n from outbound_deliveries
                             where status = 'claimed' and lease_until >= :now group by host),
                        due as (
                            select id, host, row_number() over (partition by host order by id) as rank
                              from outbound_deliveries
                             where channel = any(:channels)
                               and ((status = 'queued' and not_before <= :now)
                                    or (status = 'claimed' and lease_until < :now)))
                        update outbound_deliveries d
                           set status = 'claimed', claimed_by = :claim, lease_until = :lease,
                               attempts = d.attempts + 1
                          from (select due.id from due left join inflight using (host)
                                 where due.rank + coalesce(inflight.n, 0) <= :perServer
                                 order by due.id limit :limit) chosen
                         where d.id = chosen.id
                           and ((d.status = 'queued' and d.not_before <= :now)
                                or (d.status = 'claimed' and d.lease_until < :now))
                        returning d.id, d.channel, d.sender, d.target, d.content_type, d.body, d.attempts,
                                  d.created_at""")
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(now.plus(settings.lease())))
                .param("claim", claim)
                .param("channels", signers.keySet().toArray(String[]::new))
                .param("perServer", settings.perServer())
                .param("limit", limit)
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("channel"),
                        rs.getString("sender"),
                        URI.create(rs.getString("target")),
                        rs.getString("content_type"),
                        rs.getBytes("body"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant()))
                .list());
    }

    private void send(Claimed delivery) {
        var signer = signers.get(delivery.channel());
        try {
            var answer = http.post(
                    delivery.target(),
                    delivery.body(),
                    delivery.contentType(),
                    (method, uri, body) -> signer.headers(delivery.sender(), uri, body, delivery.contentType()));
            if (answer.ok()) {
                finish(delivery, "delivered", answer.status(), null);
            } else if (answer.status() >= 400
                    && answer.status() < 500
                    && answer.status() != 408
                    && answer.status() != 429) {
                finish(delivery, "failed", answer.status(), "refused: HTTP " + answer.status());
            } else {
                retry(delivery, answer.status(), "HTTP " + answer.status());
            }
        } catch (OutboundFailure failure) {
            if (failure.kind().temporary()) {
                retry(delivery, null, failure.getMessage());
            } else {
                finish(delivery, "failed", null, failure.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("Outbound request {} to {} not sent: {}", delivery.id(), delivery.target(), e.toString());
            retry(delivery, null, e.toString());
        }
    }

    private void finish(Claimed delivery, String status, Integer code, String error) {
        jdbc.sql("""
                        update outbound_deliveries
                           set status = :status, last_status = :code, last_error = :error, finished_at = :now,
                               claimed_by = null, lease_until = null,
                               -- a delivered request's body is not needed again (a failed one's is, to retry it):
                               -- kept 30 days, bodies would fill the table, one per follower server per activity
                               body = case when :status = 'delivered' then ''::bytea else body end
                         where id = :id and status = 'claimed'""")
                .param("status", status)
                .param("code", code)
                .param("error", error)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", delivery.id())
                .update();
    }

    /** Tries again after a wait that doubles with each try; past {@link OutboundQueueSettings#giveUpAfter}, fails. */
    private void retry(Claimed delivery, Integer code, String error) {
        var now = clock.instant();
        var wait = settings.firstRetry().multipliedBy(1L << Math.min(delivery.attempts() - 1, 20));
        if (wait.compareTo(settings.longestWait()) > 0) {
            wait = settings.longestWait();
        }
        var next = now.plus(wait);
        if (next.isAfter(delivery.createdAt().plus(settings.giveUpAfter()))) {
            finish(delivery, "failed", code, "gave up after " + delivery.attempts() + " tries: " + error);
            return;
        }
        jdbc.sql("""
                        update outbound_deliveries
                           set status = 'queued', not_before = :next, last_status = :code, last_error = :error,
                               claimed_by = null, lease_until = null
                         where id = :id and status = 'claimed'""")
                .param("next", Timestamp.from(next))
                .param("code", code)
                .param("error", error)
                .param("id", delivery.id())
                .update();
    }

    /** How many of a channel's requests wait (queued or being sent), were delivered, or failed, of those kept. */
    public record Counts(long waiting, long delivered, long failed) {}

    public Counts counts(String channel) {
        return jdbc.sql("""
                        select count(*) filter (where status in ('queued', 'claimed')),
                               count(*) filter (where status = 'delivered'),
                               count(*) filter (where status = 'failed')
                          from outbound_deliveries where channel = :channel""")
                .param("channel", channel)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** A request that failed for good, as an operator reads it. */
    public record Failed(String host, String target, Integer lastStatus, String lastError, Instant finishedAt) {}

    /** A channel's latest failures, newest first. */
    public List<Failed> failures(String channel, int limit) {
        return jdbc.sql("""
                        select host, target, last_status, last_error, finished_at from outbound_deliveries
                         where channel = :channel and status = 'failed' order by finished_at desc, id desc limit :limit""")
                .param("channel", channel)
                .param("limit", limit)
                .query((rs, n) -> new Failed(
                        rs.getString("host"),
                        rs.getString("target"),
                        (Integer) rs.getObject("last_status"),
                        rs.getString("last_error"),
                        rs.getTimestamp("finished_at").toInstant()))
                .list();
    }

    /**
     * Queues a channel's failed requests again (to one server, {@code host}, or all when null), from now: tried again
     * at once, then given up two days later as any new request. Returns how many.
     */
    public int retryFailed(String channel, String host) {
        var now = Timestamp.from(clock.instant());
        int queued = jdbc.sql("""
                        update outbound_deliveries
                           set status = 'queued', attempts = 0, not_before = :now, created_at = :now, finished_at = null
                         where channel = :channel and status = 'failed' and (cast(:host as text) is null or host = :host or host like :host || ':%')""")
                .param("channel", channel)
                .param("host", host)
                .param("now", now)
                .update();
        if (queued > 0) {
            wakeUp();
        }
        return queued;
    }

    /** A request of one sender, as its log shows it (newest first). */
    public record Sent(
            long id,
            String key,
            String target,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant finishedAt,
            byte[] body) {}

    /** The latest requests of a channel's sender, newest first, at most {@code limit}. */
    public List<Sent> ofSender(String channel, String sender, int limit) {
        return jdbc.sql("""
                        select id, idempotency_key, target, status, attempts, last_status, last_error, created_at,
                               finished_at, body
                          from outbound_deliveries where channel = :channel and sender = :sender
                         order by created_at desc, id desc limit :limit""")
                .param("channel", channel)
                .param("sender", sender)
                .param("limit", limit)
                .query((rs, n) -> new Sent(
                        rs.getLong("id"),
                        rs.getString("idempotency_key"),
                        rs.getString("target"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status"),
                        rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant(),
                        rs.getBytes("body")))
                .list();
    }

    /**
     * Queues one failed request of the sender again, from now (tried at once, given up two days later as any new one);
     * false when it is not a failed request of that sender.
     */
    public boolean retry(String channel, String sender, long id) {
        int queued = jdbc.sql("""
                        update outbound_deliveries
                           set status = 'queued', attempts = 0, not_before = :now, created_at = :now, finished_at = null
                         where id = :id and channel = :channel and sender = :sender and status = 'failed'""")
                .param("id", id)
                .param("channel", channel)
                .param("sender", sender)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (queued > 0) {
            wakeUp();
        }
        return queued == 1;
    }

    /**
     * The channel's senders failing since before {@code before}: the first request that failed after their last
     * delivered one (or ever, when none was) finished before then.
     */
    public List<String> failingSenders(String channel, Instant before) {
        return jdbc.sql("""
                        select d.sender from outbound_deliveries d
                         where d.channel = :channel and d.status = 'failed'
                           and d.finished_at > coalesce(
                                (select max(ok.finished_at) from outbound_deliveries ok
                                  where ok.channel = d.channel and ok.sender = d.sender and ok.status = 'delivered'),
                                '-infinity')
                         group by d.sender
                        having min(d.finished_at) < :before""")
                .param("channel", channel)
                .param("before", Timestamp.from(before))
                .query(String.class)
                .list();
    }

    /** Drops the sender's requests not sent yet (its endpoint is gone); returns how many. */
    public int dropQueued(String channel, String sender) {
        return jdbc.sql("""
                        delete from outbound_deliveries
                         where channel = :channel and sender = :sender and status = 'queued'""").param("channel", channel).param("sender", sender).update();
    }

    /** Deletes requests that finished before {@code before}; returns how many. */
    public int deleteFinishedBefore(Instant before) {
        return jdbc.sql("delete from outbound_deliveries where finished_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
