package org.chorus.actions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.chorus.campaigns.CampaignId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of hosts without an account: {@code action_submissions} (forms waiting for their address to be
 * confirmed, invisible to every list, map, count and queue) and {@code action_hosts} (the sealed contact and the hash
 * of the manage link of an action whose host has no account).
 */
@Repository
class ActionHosts {

    /** A form waiting for its address; {@code form} is the JSON of the {@link ActionForm} as typed. */
    record Submission(
            UUID id,
            CampaignId campaign,
            String campaignSlug,
            String form,
            byte[] contact,
            byte[] emailIndex,
            String language,
            Instant expiresAt) {}

    /** The host of an action without an account: sealed contact, its blind index and the letters' language. */
    record Host(ActionId action, byte[] contact, byte[] emailIndex, String language) {}

    private final JdbcClient jdbc;

    ActionHosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void submit(Submission s, String confirmTokenHash, Instant now) {
        jdbc.sql("""
                        insert into action_submissions (id, campaign_id, campaign_slug, form, contact, email_index,
                            confirm_token_hash, language, created_at, expires_at)
                        values (:id, :campaign, :slug, cast(:form as jsonb), :contact, :emailIndex, :token, :language,
                            :now, :expires)
                        """)
                .param("id", s.id())
                .param("campaign", s.campaign().value())
                .param("slug", s.campaignSlug())
                .param("form", s.form())
                .param("contact", s.contact())
                .param("emailIndex", s.emailIndex())
                .param("token", confirmTokenHash)
                .param("language", s.language())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(s.expiresAt()))
                .update();
    }

    /** The submission a confirmation link names, locked (a double click confirms once). */
    Optional<Submission> submissionForUpdate(String confirmTokenHash) {
        return jdbc.sql("""
                        select id, campaign_id, campaign_slug, form::text as form, contact, email_index, language,
                            expires_at
                        from action_submissions where confirm_token_hash = :token for update
                        """)
                .param("token", confirmTokenHash)
                .query((rs, i) -> new Submission(
                        rs.getObject("id", UUID.class),
                        new CampaignId(rs.getObject("campaign_id", UUID.class)),
                        rs.getString("campaign_slug"),
                        rs.getString("form"),
                        rs.getBytes("contact"),
                        rs.getBytes("email_index"),
                        rs.getString("language"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    void deleteSubmission(UUID id) {
        jdbc.sql("delete from action_submissions where id = :id")
                .param("id", id)
                .update();
    }

    void insertHost(Host host, String manageTokenHash, Instant forgetAt) {
        jdbc.sql("""
                        insert into action_hosts (action_id, contact, email_index, manage_token_hash, language, forget_at)
                        values (:action, :contact, :emailIndex, :token, :language, :forget)
                        """)
                .param("action", host.action().value())
                .param("contact", host.contact())
                .param("emailIndex", host.emailIndex())
                .param("token", manageTokenHash)
                .param("language", host.language())
                .param("forget", Timestamp.from(forgetAt))
                .update();
    }

    Optional<Host> host(ActionId action) {
        return jdbc.sql("select action_id, contact, email_index, language from action_hosts where action_id = :action")
                .param("action", action.value())
                .query((rs, i) ->
                        new Host(action, rs.getBytes("contact"), rs.getBytes("email_index"), rs.getString("language")))
                .optional();
    }

    /** The hosts without an account of these actions (those that have one), in one query. */
    java.util.List<Host> hosts(java.util.Collection<ActionId> actions) {
        if (actions.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql(
                        "select action_id, contact, email_index, language from action_hosts where action_id = any(:ids)")
                .param("ids", actions.stream().map(ActionId::value).toArray(java.util.UUID[]::new))
                .query((rs, i) -> new Host(
                        new ActionId(rs.getObject("action_id", java.util.UUID.class)),
                        rs.getBytes("contact"),
                        rs.getBytes("email_index"),
                        rs.getString("language")))
                .list();
    }

    /** The action a manage link opens. */
    Optional<ActionId> managedBy(String manageTokenHash) {
        return jdbc.sql("select action_id from action_hosts where manage_token_hash = :token")
                .param("token", manageTokenHash)
                .query((rs, i) -> new ActionId(rs.getObject("action_id", UUID.class)))
                .optional();
    }

    /** A new manage link for the action (the letter that carries it replaces the earlier one's). */
    void replaceManageToken(ActionId action, String manageTokenHash) {
        jdbc.sql("update action_hosts set manage_token_hash = :token where action_id = :action")
                .param("token", manageTokenHash)
                .param("action", action.value())
                .update();
    }

    /** Whether an address already hosts an approved action under the campaign (else its host is a "new host"). */
    boolean hasApproved(CampaignId campaign, byte[] emailIndex) {
        return jdbc.sql("""
                        select exists (select 1 from action_hosts h join actions a on a.id = h.action_id
                            where h.email_index = :emailIndex and a.campaign_id = :campaign and a.status = 'APPROVED')
                        """)
                .param("emailIndex", emailIndex)
                .param("campaign", campaign.value())
                .query(Boolean.class)
                .single();
    }

    /** Deletes the submissions whose link expired; returns how many. */
    int deleteExpiredSubmissions(Instant now) {
        return jdbc.sql("delete from action_submissions where expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Deletes the contacts (and manage links) of hosts whose campaign ended long enough ago; returns how many. */
    int forgetHosts(Instant now) {
        return jdbc.sql("delete from action_hosts where forget_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }
}
