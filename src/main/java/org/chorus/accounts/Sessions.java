package org.chorus.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.chorus.shared.SecretToken;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of each account. The sessions live in the server's memory and Spring Security's registry
 * knows which are alive; the {@code account_sessions} table keeps what the person sees of each (device, first and
 * last day seen), under the SHA-256 of the session id. After a password change or reset, every other session of the
 * account ends, so a stolen session does not outlive the password its owner replaced.
 */
@Component
class Sessions {

    private final SessionRegistry registry;
    private final JdbcClient jdbc;

    Sessions(SessionRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** A session's id as it is stored: its SHA-256, so a copy of the database holds no usable session. */
    static String hash(String sessionId) {
        return SecretToken.hash(sessionId);
    }

    /** A row of {@code account_sessions}. */
    record Row(UUID id, String sessionHash, Device device, Instant createdAt, LocalDate lastSeenDay) {}

    /** Ends every session of the account but {@code keep} (null ends them all); returns how many ended. */
    int endAllBut(AccountId account, @Nullable String keep) {
        int ended = 0;
        for (var session : live(account)) {
            if (!session.getSessionId().equals(keep)) {
                session.expireNow();
                ended++;
            }
        }
        jdbc.sql("delete from account_sessions where account_id = :account and session_hash <> :keep")
                .param("account", account.value())
                .param("keep", keep == null ? "" : hash(keep))
                .update();
        return ended;
    }

    /** Ends the session of the account stored under that hash, if it is alive. */
    void end(AccountId account, String sessionHash) {
        for (var session : live(account)) {
            if (hash(session.getSessionId()).equals(sessionHash)) {
                session.expireNow();
            }
        }
        forget(sessionHash);
    }

    /** The hashes of the account's sessions that are alive (not ended, not timed out). */
    Set<String> liveHashes(AccountId account) {
        var hashes = new HashSet<String>();
        for (var session : live(account)) {
            hashes.add(hash(session.getSessionId()));
        }
        return hashes;
    }

    private List<SessionInformation> live(AccountId account) {
        return registry.getAllPrincipals().stream()
                .filter(p -> p instanceof ChorusUser user && user.id().equals(account))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .toList();
    }

    void insert(AccountId account, String sessionHash, Device device, Instant now, LocalDate today) {
        jdbc.sql("""
                        insert into account_sessions (id, session_hash, account_id, browser, os, created_at, last_seen_day)
                        values (:id, :hash, :account, :browser, :os, :now, :today)
                        on conflict (session_hash) do update set last_seen_day = excluded.last_seen_day
                        """)
                .param("id", UUID.randomUUID())
                .param("hash", sessionHash)
                .param("account", account.value())
                .param("browser", device.browser())
                .param("os", device.os())
                .param("now", Timestamp.from(now))
                .param("today", today)
                .update();
    }

    /**
     * The session was seen today, possibly under a new id (Spring Security changes it at sign-in); false if its row is
     * gone.
     */
    boolean seen(String oldHash, String newHash, LocalDate today) {
        return jdbc.sql("""
                        update account_sessions set session_hash = :new, last_seen_day = :today
                        where session_hash = :old
                        """)
                        .param("new", newHash)
                        .param("today", today)
                        .param("old", oldHash)
                        .update()
                > 0;
    }

    List<Row> rows(AccountId account) {
        return jdbc.sql("""
                        select id, session_hash, browser, os, created_at, last_seen_day from account_sessions
                        where account_id = :account order by last_seen_day desc, created_at desc
                        """)
                .param("account", account.value())
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("session_hash"),
                        new Device(rs.getString("browser"), rs.getString("os")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("last_seen_day", LocalDate.class)))
                .list();
    }

    @Nullable
    Row row(AccountId account, UUID id) {
        return rows(account).stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Someone just signed in on this request (the password step, or the second step, or a passkey): whatever the
     * session remembered of an earlier sign-in goes, so the sign-in counts as recent and the 30 days start again.
     */
    void signedIn(jakarta.servlet.http.HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SessionState.ATTRIBUTE) instanceof SessionState earlier) {
            forget(earlier.sessionHash());
            session.removeAttribute(SessionState.ATTRIBUTE);
        }
    }

    void forget(String sessionHash) {
        jdbc.sql("delete from account_sessions where session_hash = :hash")
                .param("hash", sessionHash)
                .update();
    }

    /** A session timed out, or its person signed out: its row goes. */
    @EventListener
    void destroyed(HttpSessionDestroyedEvent event) {
        forget(hash(event.getId()));
    }
}
