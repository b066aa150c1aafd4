package org.chorus.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores notices, closures of steps, preferences and the days summaries went out. */
@Repository
class Notices {

    private static final String COLUMNS =
            "id, account_id, kind, subject_id, organization_id, statement_id, requester_id,"
                    + " other_organization_id, detail_at, created_at, closed_at";

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the notice once per person and event key; a task whose step was already done (its closure is at or after
     * {@code since}) is stored closed. Returns empty when the same step was told to this person before, else whether
     * the person still has to hear of it (news, or a task still open).
     */
    Optional<Boolean> insert(Notice notice, String eventKey, Instant since, boolean summarized) {
        return jdbc.sql("""
                        insert into notifications (id, account_id, kind, subject_id, organization_id, statement_id,
                            requester_id, other_organization_id, detail_at, event_key, is_task, created_at, closed_at,
                            summarized_at)
                        values (:id, :account, :kind, :subject, :org, :statement, :requester, :other, :detail, :key,
                            :task, :created,
                            case when :task then (select closed_at from notification_closures
                                                  where kind = :kind and subject_id = :subject and closed_at >= :since)
                            end,
                            case when :summarized then cast(:created as timestamptz) end)
                        on conflict (account_id, event_key) do nothing
                        returning closed_at is null
                        """)
                .param("id", notice.id())
                .param("account", notice.account().value())
                .param("kind", notice.kind().name())
                .param("subject", notice.subject())
                .param(
                        "org",
                        notice.organization() == null
                                ? null
                                : notice.organization().value())
                .param(
                        "statement",
                        notice.statement() == null ? null : notice.statement().value())
                .param(
                        "requester",
                        notice.requester() == null ? null : notice.requester().value())
                .param(
                        "other",
                        notice.otherOrganization() == null
                                ? null
                                : notice.otherOrganization().value())
                .param("detail", timestamp(notice.detailAt()))
                .param("key", eventKey)
                .param("task", notice.kind().task())
                .param("created", Timestamp.from(notice.createdAt()))
                .param("since", Timestamp.from(since))
                .param("summarized", summarized)
                .query(Boolean.class)
                .optional();
    }

    /** The step is done: every open task about it closes, for everyone, and a late task will be stored closed. */
    int close(NoticeKind kind, UUID subject, Instant at) {
        jdbc.sql("""
                        insert into notification_closures (kind, subject_id, closed_at) values (:kind, :subject, :at)
                        on conflict (kind, subject_id) do update set closed_at = excluded.closed_at
                        """)
                .param("kind", kind.name())
                .param("subject", subject)
                .param("at", Timestamp.from(at))
                .update();
        return jdbc.sql("""
                        update notifications set closed_at = :at
                        where kind = :kind and subject_id = :subject and is_task and closed_at is null
                        """)
                .param("kind", kind.name())
                .param("subject", subject)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Closes the open tasks of this kind in the organization caused by this person (a banned commenter's). */
    int closeCausedBy(NoticeKind kind, OrganizationId organization, AccountId requester, Instant at) {
        return jdbc.sql("""
                        update notifications set closed_at = :at
                        where kind = :kind and organization_id = :org and requester_id = :requester
                          and is_task and closed_at is null
                        """)
                .param("kind", kind.name())
                .param("org", organization.value())
                .param("requester", requester.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Who caused the latest step of this kind about the subject (the writer who last submitted a statement). */
    Optional<AccountId> latestRequester(NoticeKind kind, UUID subject) {
        return jdbc.sql("""
                        select requester_id from notifications
                        where kind = :kind and subject_id = :subject and requester_id is not null
                        order by created_at desc limit 1
                        """)
                .param("kind", kind.name())
                .param("subject", subject)
                .query(UUID.class)
                .optional()
                .map(AccountId::new);
    }

    /** One person's open tasks, oldest first. */
    List<Notice> openTasks(AccountId account, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notifications"
                        + " where account_id = :account and is_task and closed_at is null"
                        + " order by created_at, id limit :limit")
                .param("account", account.value())
                .param("limit", limit)
                .query(Notices::notice)
                .list();
    }

    /** How many tasks wait for the person: the header's count, from the partial index. */
    int countOpen(UUID account) {
        return jdbc.sql(
                        "select count(*) from notifications where account_id = :account and is_task and closed_at is null")
                .param("account", account)
                .query(Integer.class)
                .single();
    }

    /** What a person was told, latest first (done tasks and news). */
    List<Notice> recent(AccountId account, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notifications"
                        + " where account_id = :account and not (is_task and closed_at is null)"
                        + " order by created_at desc, id limit :limit")
                .param("account", account.value())
                .param("limit", limit)
                .query(Notices::notice)
                .list();
    }

    Frequency frequency(AccountId account) {
        return jdbc.sql("select frequency from notification_preferences where account_id = :account")
                .param("account", account.value())
                .query(String.class)
                .optional()
                .map(Frequency::valueOf)
                .orElse(Frequency.EACH);
    }

    void setFrequency(AccountId account, Frequency frequency, Instant at) {
        jdbc.sql("""
                        insert into notification_preferences (account_id, frequency, updated_at)
                        values (:account, :frequency, :at)
                        on conflict (account_id) do update set frequency = excluded.frequency, updated_at = excluded.updated_at
                        """)
                .param("account", account.value())
                .param("frequency", frequency.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** People who chose a daily summary, have notices not summed up yet, and had no summary on this day. */
    List<AccountId> dueForSummary(LocalDate day, int limit) {
        return jdbc.sql("""
                        select distinct n.account_id from notifications n
                        join notification_preferences p on p.account_id = n.account_id and p.frequency = 'DAILY'
                        where n.summarized_at is null
                          and not exists (select 1 from notification_summaries s
                                          where s.account_id = n.account_id and s.day = :day)
                        limit :limit
                        """).param("day", day).param("limit", limit).query(UUID.class).list().stream()
                .map(AccountId::new)
                .toList();
    }

    /** Takes the person's summary of the day; false when it was taken before (by this node or another). */
    boolean claimSummary(AccountId account, LocalDate day, Instant now) {
        return jdbc.sql("""
                        insert into notification_summaries (account_id, day, sent_at) values (:account, :day, :now)
                        on conflict do nothing
                        """)
                        .param("account", account.value())
                        .param("day", day)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    List<Notice> unsummarized(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " from notifications"
                        + " where account_id = :account and summarized_at is null order by created_at, id")
                .param("account", account.value())
                .query(Notices::notice)
                .list();
    }

    void markSummarized(Collection<UUID> ids, Instant at) {
        jdbc.sql("update notifications set summarized_at = :at where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(
                rs.getObject("id", UUID.class),
                new AccountId(rs.getObject("account_id", UUID.class)),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getObject("subject_id", UUID.class),
                id(rs, "organization_id", OrganizationId::new),
                id(rs, "statement_id", StatementId::new),
                id(rs, "requester_id", AccountId::new),
                id(rs, "other_organization_id", OrganizationId::new),
                instant(rs, "detail_at"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "closed_at"));
    }

    private static <T> @Nullable T id(ResultSet rs, String column, java.util.function.Function<UUID, T> type)
            throws SQLException {
        var value = rs.getObject(column, UUID.class);
        return value == null ? null : type.apply(value);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
