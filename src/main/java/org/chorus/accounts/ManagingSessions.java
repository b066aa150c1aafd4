package org.chorus.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.chorus.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person sees where they are signed in and ends sessions they do not recognise. A session ends after
 * {@code server.servlet.session.timeout} without a request (8 hours) and, however busy, {@link #MAX_LIFETIME} after
 * its sign-in (docs/decisions/0012-sessions-and-recent-sign-in.md).
 */
@Service
public class ManagingSessions {

    /** How long a session may last from its sign-in, used or not. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private final Sessions sessions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ManagingSessions(Sessions sessions, Clock clock, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A session as its person sees it: a coarse device (browser and system, either null when unknown), when it signed
     * in, the last day it was used, and whether it is the one asking. Never a network address.
     */
    public record ActiveSession(
            UUID id,
            @Nullable String browser,
            @Nullable String os,
            Instant signedInAt,
            LocalDate lastSeenDay,
            boolean current) {}

    /** The account's live sessions, this one first; rows of sessions that ended meanwhile are dropped. */
    @Transactional
    public List<ActiveSession> of(AccountId account, @Nullable String currentSessionId) {
        var current = currentSessionId == null ? "" : Sessions.hash(currentSessionId);
        var live = sessions.liveHashes(account);
        var shown = new java.util.ArrayList<ActiveSession>();
        for (var row : sessions.rows(account)) {
            boolean isCurrent = row.sessionHash().equals(current);
            if (!isCurrent && !live.contains(row.sessionHash())) {
                sessions.forget(row.sessionHash());
                continue;
            }
            var session = new ActiveSession(
                    row.id(), row.device().browser(), row.device().os(), row.createdAt(), row.lastSeenDay(), isCurrent);
            if (isCurrent) {
                shown.addFirst(session);
            } else {
                shown.add(session);
            }
        }
        return shown;
    }

    /** Ends one of the person's sessions: its next request goes to the sign-in page. */
    @Transactional
    public void end(AccountId account, UUID session) {
        var row = sessions.row(account, session);
        if (row == null) {
            throw new NotFoundException("session.not-found");
        }
        sessions.end(account, row.sessionHash());
        ended(account);
    }

    /** Ends every session of the person but the one asking. */
    @Transactional
    public void endOthers(AccountId account, String currentSessionId) {
        sessions.endAllBut(account, currentSessionId);
        ended(account);
    }

    /** The one place a person's ending of sessions is announced. */
    private void ended(AccountId account) {
        events.publishEvent(new AccountSecurityChanged(
                account, AccountSecurityChanged.Change.SESSIONS_ENDED, null, clock.instant()));
    }
}
