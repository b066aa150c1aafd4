package org.chorus.follows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code announcements} table. */
@Repository
class Announcements {

    private static final String COLUMNS = """
            id, organization_id, language, subject, body, status, scheduled_for, sent_at, recipients, created_at,
            updated_at, campaign_id
            """;

    private final JdbcClient jdbc;

    Announcements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            OrganizationId organization,
            org.chorus.campaigns.CampaignId campaign,
            String language,
            String subject,
            String body,
            UUID by,
            Instant now) {
        return jdbc.sql("""
                        insert into announcements (organization_id, campaign_id, language, subject, body, status,
                                                   created_by, created_at, updated_at)
                        values (:org, :campaign, :language, :subject, :body, 'DRAFT', :by, :now, :now) returning id""")
                .param("org", organization.value())
                .param("campaign", campaign == null ? null : campaign.value())
                .param("language", language)
                .param("subject", subject)
                .param("body", body)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    void update(
            long id,
            org.chorus.campaigns.CampaignId campaign,
            String language,
            String subject,
            String body,
            Instant now) {
        jdbc.sql("""
                        update announcements set language = :language, subject = :subject, body = :body, updated_at = :now,
                               campaign_id = :campaign
                        where id = :id and status <> 'SENT'""")
                .param("id", id)
                .param("campaign", campaign == null ? null : campaign.value())
                .param("language", language)
                .param("subject", subject)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<Announcement> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from announcements where id = :id")
                .param("id", id)
                .query(Announcements::map)
                .optional();
    }

    /** The announcement, locked until the transaction ends: one sender at a time. */
    Optional<Announcement> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from announcements where id = :id for update")
                .param("id", id)
                .query(Announcements::map)
                .optional();
    }

    List<Announcement> of(OrganizationId organization) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from announcements where organization_id = :org order by created_at desc, id desc limit 100")
                .param("org", organization.value())
                .query(Announcements::map)
                .list();
    }

    void schedule(long id, Instant at, Instant now) {
        jdbc.sql("""
                        update announcements set status = 'SCHEDULED', scheduled_for = :at, updated_at = :now
                        where id = :id and status <> 'SENT'""")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("now", Timestamp.from(now))
                .update();
    }

    void unschedule(long id, Instant now) {
        jdbc.sql("""
                        update announcements set status = 'DRAFT', scheduled_for = null, updated_at = :now
                        where id = :id and status = 'SCHEDULED'""").param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** The next scheduled announcement whose time has come, locked; others' locked ones are skipped. */
    Optional<Announcement> nextDue(Instant now) {
        return jdbc.sql("select " + COLUMNS + """
                         from announcements where status = 'SCHEDULED' and scheduled_for <= :now
                         order by scheduled_for, id limit 1 for update skip locked""")
                .param("now", Timestamp.from(now))
                .query(Announcements::map)
                .optional();
    }

    void sent(long id, int recipients, Instant now) {
        jdbc.sql("""
                        update announcements set status = 'SENT', sent_at = :now, recipients = :recipients,
                               updated_at = :now where id = :id""")
                .param("id", id)
                .param("recipients", recipients)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Announcement map(ResultSet rs, int n) throws SQLException {
        return new Announcement(
                rs.getLong("id"),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("language"),
                rs.getString("subject"),
                rs.getString("body"),
                AnnouncementStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("scheduled_for")),
                instant(rs.getTimestamp("sent_at")),
                (Integer) rs.getObject("recipients"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(rs.getObject("campaign_id", UUID.class))
                        .map(org.chorus.campaigns.CampaignId::new)
                        .orElse(null));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
