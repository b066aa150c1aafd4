package org.chorus.rsvps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.actions.ActionId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** {@code rsvps} and {@code rsvp_settings}: RSVPs as stored (contact sealed) and each action's settings. */
@Repository
class Rsvps {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, action_id, status, guests, contact, email_index, account_id, language, link_salt, unsubscribed,
            created_at, confirmed_at""";

    private final JdbcClient jdbc;

    Rsvps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An RSVP as stored: its contact is sealed (null once forgotten). */
    record Stored(
            UUID id,
            ActionId action,
            RsvpStatus status,
            int guests,
            byte[] contact,
            byte[] emailIndex,
            AccountId account,
            String language,
            String linkSalt,
            boolean unsubscribed,
            Instant createdAt,
            Instant confirmedAt) {

        /** The people it brings: the person and their guests. */
        int party() {
            return 1 + guests;
        }
    }

    // settings

    Optional<RsvpSettings> settings(ActionId action) {
        return jdbc.sql("select capacity, questions, instructions from rsvp_settings where action_id = :a")
                .param("a", action.value())
                .query(Rsvps::settings)
                .optional();
    }

    /**
     * The action's settings, its row locked until the transaction ends (made first if need be): every decision
     * between going and waitlist for one action happens one at a time.
     */
    RsvpSettings lockSettings(ActionId action, Instant now) {
        jdbc.sql("insert into rsvp_settings (action_id, updated_at) values (:a, :now) on conflict do nothing")
                .param("a", action.value())
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select capacity, questions, instructions from rsvp_settings where action_id = :a for update")
                .param("a", action.value())
                .query(Rsvps::settings)
                .single();
    }

    void saveSettings(ActionId action, RsvpSettings settings, Instant now) {
        jdbc.sql("""
                        update rsvp_settings set capacity = :capacity, questions = cast(:questions as jsonb),
                            instructions = :instructions, updated_at = :now
                        where action_id = :a""")
                .param("a", action.value())
                .param("capacity", settings.capacity())
                .param("questions", JSON.writeValueAsString(settings.questions()))
                .param("instructions", settings.instructions())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The count job counts this action again at its next run. */
    void markForCount(ActionId action) {
        jdbc.sql("update rsvp_settings set recount = true where action_id = :a")
                .param("a", action.value())
                .update();
    }

    // RSVPs

    void insert(
            Stored rsvp,
            org.chorus.campaigns.CampaignId campaign,
            String confirmHash,
            Instant expiresAt,
            Instant forgetAt) {
        jdbc.sql("""
                        insert into rsvps (id, action_id, campaign_id, status, guests, contact, email_index, account_id,
                            language, confirm_hash, link_salt, created_at, confirmed_at, expires_at, forget_at)
                        values (:id, :action, :campaign, :status, :guests, :contact, :emailIndex, :account, :language,
                            :confirmHash, :salt, :created, :confirmed, :expires, :forget)""")
                .param("id", rsvp.id())
                .param("campaign", campaign.value())
                .param("action", rsvp.action().value())
                .param("status", rsvp.status().name())
                .param("guests", rsvp.guests())
                .param("contact", rsvp.contact())
                .param("emailIndex", rsvp.emailIndex())
                .param("account", rsvp.account() == null ? null : rsvp.account().value())
                .param("language", rsvp.language())
                .param("confirmHash", confirmHash)
                .param("salt", rsvp.linkSalt())
                .param("created", Timestamp.from(rsvp.createdAt()))
                .param("confirmed", rsvp.confirmedAt() == null ? null : Timestamp.from(rsvp.confirmedAt()))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .param("forget", Timestamp.from(forgetAt))
                .update();
    }

    /**
     * Holds, until the transaction ends, the right to add this person's RSVP to the action: two forms of the same
     * address sent at once take turns, so the second finds the first instead of breaking the one-per-person index.
     */
    void lockPerson(ActionId action, byte[] emailIndex) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param(
                        "key",
                        "rsvps:" + action.value() + ":"
                                + java.util.HexFormat.of().formatHex(emailIndex))
                .query((rs, i) -> null)
                .list();
    }

    /** The campaign's RSVPs counted for its dashboard (the unconfirmed ones are nothing yet). */
    ReadingRsvps.CampaignRsvps ofCampaign(org.chorus.campaigns.CampaignId campaign, java.time.ZoneId zone) {
        var perDay = new java.util.TreeMap<java.time.LocalDate, Long>();
        long[] people = new long[3];
        jdbc.sql("""
                        select (confirmed_at at time zone :zone)::date as day, status, count(*) as n,
                               sum(1 + guests) as people
                        from rsvps where campaign_id = :campaign and status <> 'UNCONFIRMED'
                        group by grouping sets ((1), (2))""")
                .param("campaign", campaign.value())
                .param("zone", zone.getId())
                .query((rs, i) -> {
                    var day = rs.getObject("day", java.time.LocalDate.class);
                    var status = rs.getString("status");
                    if (status == null) {
                        if (day != null) {
                            perDay.put(day, rs.getLong("n"));
                        }
                    } else {
                        switch (RsvpStatus.valueOf(status)) {
                            case GOING -> people[0] = rs.getLong("people");
                            case WAITLISTED -> people[1] = rs.getLong("people");
                            case CANCELLED -> people[2] = rs.getLong("n");
                            default -> {}
                        }
                    }
                    return null;
                })
                .list();
        return new ReadingRsvps.CampaignRsvps(people[0], people[1], people[2], perDay);
    }

    Optional<Stored> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from rsvps where id = :id")
                .param("id", id)
                .query(Rsvps::stored)
                .optional();
    }

    Optional<Stored> byIdForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from rsvps where id = :id for update")
                .param("id", id)
                .query(Rsvps::stored)
                .optional();
    }

    /** The unconfirmed RSVP a confirmation link names, locked, if it has not expired. */
    Optional<Stored> unconfirmedForUpdate(String confirmHash, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from rsvps where confirm_hash = :h and status = 'UNCONFIRMED'"
                        + " and expires_at > :now for update")
                .param("h", confirmHash)
                .param("now", Timestamp.from(now))
                .query(Rsvps::stored)
                .optional();
    }

    /** The RSVP of this address (by its blind index) to the action, whatever its status. */
    Optional<Stored> ofPerson(ActionId action, byte[] emailIndex) {
        return jdbc.sql("select " + COLUMNS + " from rsvps where action_id = :a and email_index = :e for update")
                .param("a", action.value())
                .param("e", emailIndex)
                .query(Rsvps::stored)
                .optional();
    }

    /** The RSVP of a signed-in person to the action, if any is still current (not cancelled). */
    Optional<Stored> ofAccount(ActionId action, AccountId account) {
        return jdbc.sql("select " + COLUMNS + " from rsvps where action_id = :a and account_id = :acc"
                        + " and status in ('GOING', 'WAITLISTED')")
                .param("a", action.value())
                .param("acc", account.value())
                .query(Rsvps::stored)
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("delete from rsvps where id = :id").param("id", id).update();
    }

    void confirmed(UUID id, RsvpStatus status, Instant now) {
        jdbc.sql("""
                        update rsvps set status = :status, confirmed_at = :now, confirm_hash = null, expires_at = null
                        where id = :id""")
                .param("id", id)
                .param("status", status.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    void status(UUID id, RsvpStatus status) {
        jdbc.sql("update rsvps set status = :status where id = :id")
                .param("id", id)
                .param("status", status.name())
                .update();
    }

    void unsubscribe(UUID id) {
        jdbc.sql("update rsvps set unsubscribed = true where id = :id")
                .param("id", id)
                .update();
    }

    /** How many people (guests included) are going. */
    int seatsTaken(ActionId action) {
        return jdbc.sql("select coalesce(sum(1 + guests), 0) from rsvps where action_id = :a and status = 'GOING'")
                .param("a", action.value())
                .query(Integer.class)
                .single();
    }

    /** The waitlist, first confirmed first. */
    List<Stored> waitlist(ActionId action) {
        return jdbc.sql("select " + COLUMNS + " from rsvps where action_id = :a and status = 'WAITLISTED'"
                        + " order by confirmed_at, id")
                .param("a", action.value())
                .query(Rsvps::stored)
                .list();
    }

    /** The confirmed and cancelled RSVPs of the action, in the order they came, up to a limit. */
    List<Stored> attendees(ActionId action, int limit) {
        return jdbc.sql("select " + COLUMNS + " from rsvps where action_id = :a and status <> 'UNCONFIRMED'"
                        + " order by created_at, id limit :limit")
                .param("a", action.value())
                .param("limit", limit)
                .query(Rsvps::stored)
                .list();
    }

    /** The going and waitlisted RSVPs of the action that still have a contact. */
    List<Stored> current(ActionId action, boolean goingOnly) {
        return jdbc.sql("select " + COLUMNS + " from rsvps where action_id = :a and contact is not null"
                        + (goingOnly ? " and status = 'GOING'" : " and status in ('GOING', 'WAITLISTED')")
                        + " order by confirmed_at, id")
                .param("a", action.value())
                .query(Rsvps::stored)
                .list();
    }

    // reminders

    /** The RSVP's next reminder (null: none left). */
    void remindAt(UUID id, Instant at) {
        jdbc.sql("update rsvps set remind_at = :at where id = :id")
                .param("id", id)
                .param("at", at == null ? null : Timestamp.from(at))
                .update();
    }

    /** Each RSVP's next reminder (null: none left), in one statement. */
    void remindAt(java.util.Map<UUID, Instant> moves) {
        if (moves.isEmpty()) {
            return;
        }
        var ids = new java.util.ArrayList<UUID>(moves.keySet());
        jdbc.sql("""
                        update rsvps r set remind_at = m.at
                          from unnest(:ids, :ats) as m(id, at)
                         where r.id = m.id""")
                .param("ids", ids.toArray(UUID[]::new))
                .param(
                        "ats",
                        ids.stream()
                                .map(id -> moves.get(id) == null ? null : Timestamp.from(moves.get(id)))
                                .toArray(Timestamp[]::new))
                .update();
    }

    /**
     * The action moved: the next reminder of each RSVP going to it is the one {@code next} names, except where one was
     * due already and not sent yet (the job sends it, as the action now is).
     */
    void remindAgain(ActionId action, Instant next, Instant now) {
        jdbc.sql("""
                        update rsvps set remind_at = :next
                         where action_id = :a and status = 'GOING'
                           and (remind_at is null or remind_at > :now)""")
                .param("a", action.value())
                .param("next", next == null ? null : Timestamp.from(next))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The action was cancelled: no reminder is left for it. */
    void stopReminders(ActionId action) {
        jdbc.sql("update rsvps set remind_at = null where action_id = :a and remind_at is not null")
                .param("a", action.value())
                .update();
    }

    /** An RSVP whose reminder is due at {@code at}. */
    record DueReminder(Stored rsvp, Instant at) {}

    /**
     * Up to {@code limit} RSVPs going whose reminder is due by {@code until}, the earliest due first and an action's
     * together, locked for this transaction; rows another run holds are skipped, so two runs never take the same one.
     */
    List<DueReminder> dueReminders(Instant until, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                        , remind_at
                         from rsvps where status = 'GOING' and remind_at <= :until
                        order by remind_at, action_id limit :limit for update skip locked""")
                .param("until", Timestamp.from(until))
                .param("limit", limit)
                .query((rs, n) -> new DueReminder(
                        stored(rs, n), rs.getTimestamp("remind_at").toInstant()))
                .list();
    }

    /**
     * The RSVPs going to the action, locked until the transaction ends: a reminder run that holds some is waited for,
     * so what it queued can be withdrawn.
     */
    List<UUID> lockGoing(ActionId action) {
        return jdbc.sql("select id from rsvps where action_id = :a and status = 'GOING' order by id for update")
                .param("a", action.value())
                .query(UUID.class)
                .list();
    }

    /** The settings of these actions (those that have any). */
    java.util.Map<ActionId, RsvpSettings> settingsOf(java.util.Collection<ActionId> actions) {
        var found = new java.util.HashMap<ActionId, RsvpSettings>();
        jdbc.sql("select action_id, capacity, questions, instructions from rsvp_settings where action_id = any(:ids)")
                .param("ids", actions.stream().map(ActionId::value).toArray(UUID[]::new))
                .query((rs, n) -> found.put(new ActionId(rs.getObject("action_id", UUID.class)), settings(rs, n)))
                .list();
        return found;
    }

    // thanks

    Optional<RsvpThanks> thanks(org.chorus.campaigns.CampaignId campaign) {
        return jdbc.sql("select text, link from rsvp_thanks where campaign_id = :c")
                .param("c", campaign.value())
                .query((rs, n) -> new RsvpThanks(rs.getString("text"), rs.getString("link")))
                .optional();
    }

    /** The thanks of those of these campaigns that have one. */
    java.util.Map<org.chorus.campaigns.CampaignId, RsvpThanks> thanksOf(
            java.util.Collection<org.chorus.campaigns.CampaignId> campaigns) {
        var found = new java.util.HashMap<org.chorus.campaigns.CampaignId, RsvpThanks>();
        jdbc.sql("select campaign_id, text, link from rsvp_thanks where campaign_id = any(:ids)")
                .param("ids", campaigns.stream().map(c -> c.value()).toArray(UUID[]::new))
                .query((rs, n) -> found.put(
                        new org.chorus.campaigns.CampaignId(rs.getObject("campaign_id", UUID.class)),
                        new RsvpThanks(rs.getString("text"), rs.getString("link"))))
                .list();
        return found;
    }

    void saveThanks(org.chorus.campaigns.CampaignId campaign, RsvpThanks thanks, Instant now) {
        if (thanks.isEmpty()) {
            jdbc.sql("delete from rsvp_thanks where campaign_id = :c")
                    .param("c", campaign.value())
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into rsvp_thanks (campaign_id, text, link, updated_at) values (:c, :text, :link, :now)
                        on conflict (campaign_id) do update
                           set text = excluded.text, link = excluded.link, updated_at = excluded.updated_at""")
                .param("c", campaign.value())
                .param("text", thanks.text())
                .param("link", thanks.link())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Those of these actions whose attendees were thanked already. */
    java.util.Set<ActionId> thanked(java.util.Collection<ActionId> actions) {
        return new java.util.HashSet<>(jdbc.sql("select action_id from rsvp_thanked where action_id = any(:ids)")
                .param("ids", actions.stream().map(ActionId::value).toArray(UUID[]::new))
                .query((rs, n) -> new ActionId(rs.getObject(1, UUID.class)))
                .list());
    }

    /** Records that the action's attendees are thanked; false when it was already (another run got there first). */
    boolean markThanked(ActionId action, Instant now) {
        return jdbc.sql("insert into rsvp_thanked (action_id, thanked_at) values (:a, :now) on conflict do nothing")
                        .param("a", action.value())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The action's RSVPs are forgotten this long after its new end. */
    void forgetAt(ActionId action, Instant at) {
        jdbc.sql("update rsvps set forget_at = :at where action_id = :a")
                .param("a", action.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    // retention

    int deleteUnconfirmed(Instant now) {
        return jdbc.sql("delete from rsvps where status = 'UNCONFIRMED' and expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Forgets who they were and what they answered; status and guests stay, and so do the counts. */
    int forget(Instant now) {
        return jdbc.sql("""
                        update rsvps set contact = null, email_index = null, account_id = null
                        where contact is not null and forget_at <= :now""").param("now", Timestamp.from(now)).update();
    }

    // messages of hosts

    int messagesSince(ActionId action, Instant since) {
        return jdbc.sql("select count(*) from rsvp_host_messages where action_id = :a and sent_at > :since")
                .param("a", action.value())
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** The earliest message still counted against the limit. */
    Optional<Instant> firstMessageSince(ActionId action, Instant since) {
        return jdbc.sql("select min(sent_at) from rsvp_host_messages where action_id = :a and sent_at > :since")
                .param("a", action.value())
                .param("since", Timestamp.from(since))
                .query((rs, n) ->
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
    }

    void messageSent(UUID id, ActionId action, Instant now) {
        jdbc.sql("insert into rsvp_host_messages (id, action_id, sent_at) values (:id, :a, :now)")
                .param("id", id)
                .param("a", action.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    int deleteMessagesBefore(Instant before) {
        return jdbc.sql("delete from rsvp_host_messages where sent_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    private static RsvpSettings settings(ResultSet rs, int n) throws SQLException {
        int capacity = rs.getInt("capacity");
        return new RsvpSettings(
                rs.wasNull() ? null : capacity,
                List.of(JSON.readValue(rs.getString("questions"), String[].class)),
                rs.getString("instructions"));
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        var account = rs.getObject("account_id", UUID.class);
        var confirmed = rs.getTimestamp("confirmed_at");
        return new Stored(
                rs.getObject("id", UUID.class),
                new ActionId(rs.getObject("action_id", UUID.class)),
                RsvpStatus.valueOf(rs.getString("status")),
                rs.getInt("guests"),
                rs.getBytes("contact"),
                rs.getBytes("email_index"),
                account == null ? null : new AccountId(account),
                rs.getString("language"),
                rs.getString("link_salt"),
                rs.getBoolean("unsubscribed"),
                rs.getTimestamp("created_at").toInstant(),
                confirmed == null ? null : confirmed.toInstant());
    }
}
