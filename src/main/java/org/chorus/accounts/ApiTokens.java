package org.chorus.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.SecretToken;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: shown once when created ({@code chorus_…}), stored as a SHA-256 hash, sent by clients as
 * {@code Authorization: Bearer chorus_…}. A token acts with its owner's permissions until it expires (chosen at
 * creation: {@value #DEFAULT_DAYS} days unless said otherwise, at most a year) or is revoked: by its owner on the
 * account page, or with all the account's tokens when the password is reset (and, if the person asks, changed).
 */
@Service
public class ApiTokens {

    static final String PREFIX = "chorus_";
    public static final int DEFAULT_DAYS = 90;
    /** The lifetimes the account page offers, in days; a date up to {@link #MAX_DAYS} days ahead can be chosen too. */
    public static final List<Integer> OFFERED_DAYS = List.of(30, 90, 365);

    public static final int MAX_DAYS = 366;

    /**
     * What a token may do: {@code read} is reading what its account may see beyond the public (a token without it
     * reads what anyone reads); {@code write:<family>} is creating, changing and deleting in that family, within its
     * account's roles. The account page offers them in this order.
     */
    public static final List<String> SCOPES = List.of(
            "read",
            "write:organizations",
            "write:statements",
            "write:signons",
            "write:campaigns",
            "write:actions",
            "write:rsvps",
            "write:turnout",
            "write:letters",
            "write:webhooks");

    /** The scope a token made without saying any has (the command line's default). */
    public static final List<String> DEFAULT_SCOPES = List.of("read");

    static final int LABEL_MAX = 100;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /** A token as its owner sees it in the list: never the token itself. */
    public record ApiToken(
            UUID id,
            String label,
            Instant createdAt,
            @Nullable LocalDate lastUsedDay,
            Instant expiresAt,
            boolean expired,
            List<String> scopes) {}

    /** A token just created: {@link #value()} is shown this once and never again. */
    public record NewToken(String value, String label, Instant expiresAt, List<String> scopes) {
        @Override
        public String toString() {
            return "NewToken[" + label + "]";
        }
    }

    /** Why a bearer token was refused, as the message key of the 401 Problem's detail. */
    enum Refusal {
        UNKNOWN("api.token-invalid"),
        REVOKED("api.token-revoked"),
        EXPIRED("api.token-expired");

        final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /** The outcome of checking a bearer token: the person it acts for, or why it was refused. */
    record Check(@Nullable ChorusUser user, @Nullable Refusal refusal, List<String> scopes) {
        Check(Refusal refusal) {
            this(null, refusal, List.of());
        }
    }

    /** Creates a token for the account with that address, valid {@code days} days (the admin command line). */
    @Transactional
    public String create(String email, String label, int days, List<String> scopes) {
        var account = accounts.byEmail(email).orElseThrow(() -> new NotFoundException("account.not-found"));
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidField("expiry", "token.expiry-invalid", MAX_DAYS);
        }
        return insert(
                        account.id(),
                        label == null || label.isBlank() ? "api" : label.strip(),
                        days(days),
                        checkedScopes(scopes))
                .value();
    }

    /** Creates a token valid {@value #DEFAULT_DAYS} days for the account with that address, to read. */
    @Transactional
    public String create(String email, String label) {
        return create(email, label, DEFAULT_DAYS, DEFAULT_SCOPES);
    }

    /** The scopes asked for, known and in {@link #SCOPES}' order; 422 on the field {@code scopes} for none or another. */
    static List<String> checkedScopes(List<String> asked) {
        var scopes = asked == null
                ? List.<String>of()
                : asked.stream().map(String::strip).toList();
        if (scopes.isEmpty()) {
            throw new InvalidField("scopes", "token.scopes-required");
        }
        for (var scope : scopes) {
            if (!SCOPES.contains(scope)) {
                throw new InvalidField("scopes", "token.scope-unknown", scope, String.join(", ", SCOPES));
            }
        }
        return SCOPES.stream().filter(scopes::contains).toList();
    }

    /**
     * A person creates a token on their account page.
     *
     * @param expiry a number of days ({@link #OFFERED_DAYS}), or {@code date} with {@code expiresOn}; blank is
     *     {@value #DEFAULT_DAYS} days
     * @param expiresOn yyyy-mm-dd, the last day the token works (UTC), when {@code expiry} is {@code date}
     */
    @Transactional
    public NewToken create(AccountId account, String label, String expiry, String expiresOn, List<String> scopes) {
        var name = label == null ? "" : label.strip();
        if (name.isEmpty()) {
            throw new InvalidField("label", "token.label-required");
        }
        if (name.length() > LABEL_MAX) {
            throw new InvalidField("label", "token.label-too-long", LABEL_MAX);
        }
        return insert(account, name, expiresAt(expiry, expiresOn), checkedScopes(scopes));
    }

    private Instant expiresAt(String expiry, String expiresOn) {
        var now = clock.instant();
        if (expiry == null || expiry.isBlank()) {
            return days(DEFAULT_DAYS);
        }
        if (expiry.equals("date")) {
            LocalDate day;
            try {
                day = LocalDate.parse(expiresOn == null ? "" : expiresOn.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidField("expiresOn", "token.date-invalid");
            }
            var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (!day.isAfter(today) || day.isAfter(today.plusDays(MAX_DAYS - 1))) {
                throw new InvalidField("expiresOn", "token.date-out-of-range");
            }
            return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return OFFERED_DAYS.stream()
                .filter(d -> String.valueOf(d).equals(expiry))
                .findFirst()
                .map(this::days)
                .orElseThrow(() -> new InvalidField("expiry", "token.expiry-invalid", MAX_DAYS));
    }

    private Instant days(int days) {
        return clock.instant().plus(Duration.ofDays(days));
    }

    /** The one place a token is made, so the audit log hears of every one. */
    private NewToken insert(AccountId account, String label, Instant expiresAt, List<String> scopes) {
        var token = SecretToken.generate(PREFIX);
        var now = clock.instant();
        jdbc.sql("""
                        insert into api_tokens (id, account_id, token_hash, label, created_at, expires_at, scopes)
                        values (:id, :account, :hash, :label, :created, :expires, :scopes)
                        """)
                .param("id", UUID.randomUUID())
                .param("account", account.value())
                .param("hash", token.hash())
                .param("label", label)
                .param("created", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .param("scopes", scopes.toArray(String[]::new))
                .update();
        events.publishEvent(
                new AccountSecurityChanged(account, AccountSecurityChanged.Change.API_TOKEN_CREATED, label, now));
        return new NewToken(token.value(), label, expiresAt, scopes);
    }

    /** The account's tokens that have not been revoked, newest first; expired ones are marked. */
    public List<ApiToken> of(AccountId account) {
        var now = clock.instant();
        return jdbc.sql("""
                        select id, label, created_at, last_used_day, expires_at, scopes from api_tokens
                        where account_id = :account and revoked_at is null
                        order by created_at desc
                        """)
                .param("account", account.value())
                .query((rs, n) -> {
                    var expires = rs.getTimestamp("expires_at").toInstant();
                    return new ApiToken(
                            rs.getObject("id", UUID.class),
                            rs.getString("label"),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getObject("last_used_day", LocalDate.class),
                            expires,
                            !expires.isAfter(now),
                            List.of((String[]) rs.getArray("scopes").getArray()));
                })
                .list();
    }

    /** The person revokes one of their tokens; someone else's token does not exist for them. */
    @Transactional
    public void revoke(AccountId account, UUID token) {
        var label = jdbc.sql("""
                        update api_tokens set revoked_at = :now
                        where id = :id and account_id = :account and revoked_at is null
                        returning label
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", token)
                .param("account", account.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("token.not-found"));
        revoked(account, List.of(label));
    }

    /** Revokes every token of the account (a password reset, or a change where the person asked for it). */
    @Transactional
    int revokeAll(AccountId account) {
        var labels = jdbc.sql("""
                        update api_tokens set revoked_at = :now
                        where account_id = :account and revoked_at is null
                        returning label
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("account", account.value())
                .query(String.class)
                .list();
        revoked(account, labels);
        return labels.size();
    }

    /** The one place revocations are announced, one event per token. */
    private void revoked(AccountId account, List<String> labels) {
        var now = clock.instant();
        for (var label : labels) {
            events.publishEvent(
                    new AccountSecurityChanged(account, AccountSecurityChanged.Change.API_TOKEN_REVOKED, label, now));
        }
    }

    /** The active account a token belongs to, if the token exists, is not revoked and has not expired. */
    @Transactional
    public Optional<ChorusUser> authenticate(String token) {
        return Optional.ofNullable(check(token).user());
    }

    /** Checks a bearer token; notes the day it was used, at most one write a day per token. */
    @Transactional
    Check check(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return new Check(Refusal.UNKNOWN);
        }
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        record Row(
                UUID id,
                UUID account,
                boolean revoked,
                Instant expiresAt,
                @Nullable LocalDate lastUsedDay,
                List<String> scopes) {}
        var row = jdbc.sql("""
                        select id, account_id, revoked_at is not null as revoked, expires_at, last_used_day, scopes
                        from api_tokens where token_hash = :hash
                        """)
                .param("hash", SecretToken.hash(token))
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getBoolean("revoked"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getObject("last_used_day", LocalDate.class),
                        List.of((String[]) rs.getArray("scopes").getArray())))
                .optional();
        if (row.isEmpty()) {
            return new Check(Refusal.UNKNOWN);
        }
        if (row.get().revoked()) {
            return new Check(Refusal.REVOKED);
        }
        if (!row.get().expiresAt().isAfter(now)) {
            return new Check(Refusal.EXPIRED);
        }
        var user = accounts.byId(new AccountId(row.get().account()))
                .filter(Account::active)
                .map(ChorusUser::new);
        if (user.isEmpty()) {
            return new Check(Refusal.UNKNOWN);
        }
        if (!today.equals(row.get().lastUsedDay())) {
            jdbc.sql("update api_tokens set last_used_day = :today where id = :id")
                    .param("today", today)
                    .param("id", row.get().id())
                    .update();
        }
        return new Check(user.get(), null, row.get().scopes());
    }
}
