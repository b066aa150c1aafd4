package org.chorus.letters;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.campaigns.CampaignId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of letters: the letter and its texts, the officials, letters waiting for their sender's confirmation,
 * the blind indexes of recent senders, and the counts of what went.
 */
@Repository
class Letters {

    /** A letter waiting for its sender to confirm their address; {@code content} is sealed. */
    record Draft(
            UUID id,
            CampaignId campaign,
            String country,
            List<TargetId> targets,
            byte[] content,
            byte[] emailIndex,
            String language,
            Instant expiresAt) {}

    private final JdbcClient jdbc;

    Letters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CampaignLetter> letter(CampaignId campaign) {
        var texts = jdbc.sql("""
                        select language, subject, opening, core, closing from letter_texts
                        where campaign_id = :c order by language
                        """)
                .param("c", campaign.value())
                .query((rs, i) -> new LetterText(
                        rs.getString("language"),
                        rs.getString("subject"),
                        rs.getString("opening"),
                        rs.getString("core"),
                        rs.getString("closing")))
                .list();
        return jdbc.sql("""
                        select campaign_slug, enabled, opens_on, closes_on, subject_locked from letters
                        where campaign_id = :c
                        """)
                .param("c", campaign.value())
                .query((rs, i) -> new CampaignLetter(
                        campaign,
                        rs.getString("campaign_slug"),
                        rs.getBoolean("enabled"),
                        rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class),
                        rs.getBoolean("subject_locked"),
                        texts))
                .optional()
                .filter(l -> !l.texts().isEmpty());
    }

    /** Whether the campaign has a letter turned on, in one query (the campaign page asks it). */
    boolean enabled(CampaignId campaign) {
        return jdbc.sql("select exists (select 1 from letters where campaign_id = :c and enabled)")
                .param("c", campaign.value())
                .query(Boolean.class)
                .single();
    }

    void save(CampaignLetter letter, Instant now) {
        jdbc.sql("""
                        insert into letters (campaign_id, campaign_slug, enabled, opens_on, closes_on, subject_locked,
                            created_at, updated_at)
                        values (:c, :slug, :enabled, :opens, :closes, :locked, :now, :now)
                        on conflict (campaign_id) do update set campaign_slug = excluded.campaign_slug,
                            enabled = excluded.enabled, opens_on = excluded.opens_on, closes_on = excluded.closes_on,
                            subject_locked = excluded.subject_locked, updated_at = excluded.updated_at
                        """)
                .param("c", letter.campaign().value())
                .param("slug", letter.campaignSlug())
                .param("enabled", letter.enabled())
                .param("opens", Date.valueOf(letter.opensOn()))
                .param("closes", Date.valueOf(letter.closesOn()))
                .param("locked", letter.subjectLocked())
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("delete from letter_texts where campaign_id = :c")
                .param("c", letter.campaign().value())
                .update();
        for (var text : letter.texts()) {
            jdbc.sql("""
                            insert into letter_texts (campaign_id, language, subject, opening, core, closing)
                            values (:c, :language, :subject, :opening, :core, :closing)
                            """)
                    .param("c", letter.campaign().value())
                    .param("language", text.language())
                    .param("subject", text.subject())
                    .param("opening", text.opening())
                    .param("core", text.core())
                    .param("closing", text.closing())
                    .update();
        }
    }

    private static final String TARGET_COLUMNS = "id, campaign_id, country, office, name, email, web_form, note";

    List<Target> targets(CampaignId campaign) {
        return jdbc.sql("select " + TARGET_COLUMNS
                        + " from letter_targets where campaign_id = :c order by country, office, name")
                .param("c", campaign.value())
                .query(Letters::target)
                .list();
    }

    List<Target> targets(CampaignId campaign, String country) {
        return jdbc.sql("select " + TARGET_COLUMNS
                        + " from letter_targets where campaign_id = :c and country = :cc order by office, name")
                .param("c", campaign.value())
                .param("cc", country)
                .query(Letters::target)
                .list();
    }

    Optional<Target> target(CampaignId campaign, TargetId id) {
        return jdbc.sql("select " + TARGET_COLUMNS + " from letter_targets where campaign_id = :c and id = :id")
                .param("c", campaign.value())
                .param("id", id.value())
                .query(Letters::target)
                .optional();
    }

    /** The countries that have officials. */
    List<String> countries(CampaignId campaign) {
        return jdbc.sql("select distinct country from letter_targets where campaign_id = :c order by country")
                .param("c", campaign.value())
                .query(String.class)
                .list();
    }

    /**
     * Adds the official, or updates the one with the same country, office and contact (a re-import); returns whether
     * it was new.
     */
    boolean upsert(Target t, Instant now) {
        return jdbc.sql("""
                        insert into letter_targets (id, campaign_id, country, office, name, email, web_form, note,
                            created_at, updated_at)
                        values (:id, :c, :country, :office, :name, :email, :webForm, :note, :now, :now)
                        on conflict (campaign_id, country, office, contact_key) do update set name = excluded.name,
                            email = excluded.email, note = excluded.note, updated_at = excluded.updated_at
                        returning (xmax = 0) as inserted
                        """).params(params(t, now)).query(Boolean.class).single();
    }

    /** Changes an official; false when another one already has the same country, office and contact. */
    boolean update(Target t, Instant now) {
        try {
            return jdbc.sql("""
                            update letter_targets set country = :country, office = :office, name = :name,
                                email = :email, web_form = :webForm, note = :note, updated_at = :now
                            where id = :id and campaign_id = :c
                            """).params(params(t, now)).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    private static java.util.Map<String, Object> params(Target t, Instant now) {
        var params = new java.util.HashMap<String, Object>();
        params.put("id", t.id().value());
        params.put("c", t.campaign().value());
        params.put("country", t.country());
        params.put("office", t.office());
        params.put("name", t.name());
        params.put("email", t.email());
        params.put("webForm", t.webForm());
        params.put("note", t.note());
        params.put("now", Timestamp.from(now));
        return params;
    }

    boolean delete(CampaignId campaign, TargetId id) {
        return jdbc.sql("delete from letter_targets where campaign_id = :c and id = :id")
                        .param("c", campaign.value())
                        .param("id", id.value())
                        .update()
                == 1;
    }

    void insertDraft(Draft d, String confirmTokenHash, Instant now) {
        jdbc.sql("""
                        insert into letter_drafts (id, campaign_id, country, targets, content, email_index,
                            confirm_token_hash, language, created_at, expires_at)
                        values (:id, :c, :country, :targets, :content, :emailIndex, :token, :language, :now, :expires)
                        """)
                .param("id", d.id())
                .param("c", d.campaign().value())
                .param("country", d.country())
                .param("targets", d.targets().stream().map(TargetId::value).toArray(UUID[]::new))
                .param("content", d.content())
                .param("emailIndex", d.emailIndex())
                .param("token", confirmTokenHash)
                .param("language", d.language())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(d.expiresAt()))
                .update();
    }

    /** The draft a confirmation link names, locked (a double click sends once). */
    Optional<Draft> draftForUpdate(String confirmTokenHash) {
        return jdbc.sql("""
                        select id, campaign_id, country, targets, content, email_index, language, expires_at
                        from letter_drafts where confirm_token_hash = :token for update
                        """)
                .param("token", confirmTokenHash)
                .query((rs, i) -> new Draft(
                        rs.getObject("id", UUID.class),
                        new CampaignId(rs.getObject("campaign_id", UUID.class)),
                        rs.getString("country"),
                        Arrays.stream((UUID[]) rs.getArray("targets").getArray())
                                .map(TargetId::new)
                                .toList(),
                        rs.getBytes("content"),
                        rs.getBytes("email_index"),
                        rs.getString("language"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    void deleteDraft(UUID id) {
        jdbc.sql("delete from letter_drafts where id = :id").param("id", id).update();
    }

    /** Whether this address sent the campaign's letter through Chorus on that day. */
    boolean sentOn(CampaignId campaign, byte[] emailIndex, LocalDate day) {
        return jdbc.sql("""
                        select exists (select 1 from letter_senders
                            where campaign_id = :c and email_index = :e and sent_on = :day)
                        """)
                .param("c", campaign.value())
                .param("e", emailIndex)
                .param("day", Date.valueOf(day))
                .query(Boolean.class)
                .single();
    }

    /** Records that the address sent the letter that day; false when it already had. */
    boolean recordSender(CampaignId campaign, byte[] emailIndex, LocalDate day, Instant forgetAt) {
        return jdbc.sql("""
                                insert into letter_senders (campaign_id, email_index, sent_on, forget_at)
                                values (:c, :e, :day, :forget) on conflict do nothing
                                """)
                        .param("c", campaign.value())
                        .param("e", emailIndex)
                        .param("day", Date.valueOf(day))
                        .param("forget", Timestamp.from(forgetAt))
                        .update()
                == 1;
    }

    void count(CampaignId campaign, String country, Collection<TargetId> targets, LocalDate day, Way way) {
        jdbc.sql("""
                        insert into letter_outreach (campaign_id, country, target_id, day, way, letters)
                        select :c, :country, t, :day, :way, 1 from unnest(:targets) as t
                        on conflict (campaign_id, target_id, day, way) do update
                            set letters = letter_outreach.letters + 1
                        """)
                .param("c", campaign.value())
                .param("country", country)
                .param("targets", targets.stream().map(TargetId::value).toArray(UUID[]::new))
                .param("day", Date.valueOf(day))
                .param("way", way.name())
                .update();
    }

    /**
     * Takes one letter this hour for each of these officials, all or none: 0 when taken, else the seconds until the
     * next hour, when one of them has had {@code most}. Their rows are locked in one order for the transaction, so two
     * letters to the same officials take turns and the count never passes {@code most}.
     */
    long takeTargets(Collection<TargetId> targets, Instant now, int most) {
        var hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        var ids = targets.stream().map(TargetId::value).sorted().toArray(java.util.UUID[]::new);
        jdbc.sql("""
                        insert into letter_target_hours (target_id, hour, letters)
                        select id, :hour, 0 from unnest(:ids) as id
                        on conflict (target_id, hour) do nothing""").param("hour", Timestamp.from(hour)).param("ids", ids).update();
        var counts = jdbc.sql("""
                        select letters from letter_target_hours where hour = :hour and target_id = any(:ids)
                        order by target_id for update""")
                .param("hour", Timestamp.from(hour))
                .param("ids", ids)
                .query(Integer.class)
                .list();
        if (counts.stream().anyMatch(n -> n >= most)) {
            return Math.max(
                    1,
                    java.time.Duration.between(now, hour.plus(java.time.Duration.ofHours(1)))
                            .toSeconds());
        }
        jdbc.sql("update letter_target_hours set letters = letters + 1 where hour = :hour and target_id = any(:ids)")
                .param("hour", Timestamp.from(hour))
                .param("ids", ids)
                .update();
        return 0;
    }

    int deleteTargetHoursBefore(Instant before) {
        return jdbc.sql("delete from letter_target_hours where hour < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    int deleteExpiredDrafts(Instant now) {
        return jdbc.sql("delete from letter_drafts where expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    int forgetSenders(Instant now) {
        return jdbc.sql("delete from letter_senders where forget_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    /** What the counts hold for the campaign, one row per target, day and way, with the target's office and name. */
    List<CountingLetters.Outreach> outreach(CampaignId campaign) {
        return jdbc.sql("""
                        select o.country, o.target_id, t.office, t.name, o.day, o.way, o.letters
                        from letter_outreach o left join letter_targets t on t.id = o.target_id
                        where o.campaign_id = :c order by o.country, t.office, t.name, o.target_id, o.day, o.way
                        """)
                .param("c", campaign.value())
                .query((rs, i) -> new CountingLetters.Outreach(
                        rs.getString("country"),
                        new TargetId(rs.getObject("target_id", UUID.class)),
                        rs.getString("office"),
                        rs.getString("name"),
                        rs.getObject("day", LocalDate.class),
                        Way.valueOf(rs.getString("way")),
                        rs.getInt("letters")))
                .list();
    }

    private static Target target(ResultSet rs, int i) throws SQLException {
        return new Target(
                new TargetId(rs.getObject("id", UUID.class)),
                new CampaignId(rs.getObject("campaign_id", UUID.class)),
                rs.getString("country"),
                rs.getString("office"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("web_form"),
                rs.getString("note"));
    }
}
