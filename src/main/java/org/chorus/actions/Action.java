package org.chorus.actions;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;

/**
 * A local action under a campaign, as its host wrote it and its organizers judged it. New actions wait for the
 * organizers unless their host is trusted; an untrusted host's edit of an approved action goes back to them. A
 * cancelled action stays at its address, marked so. {@code sequence} is raised on every change a calendar must show.
 *
 * @param host the host's account; null for a host without one, who confirmed an email address ({@link HostingByEmail})
 * @param newHost the host had no approved action under the campaign when this one arrived
 */
public record Action(
        ActionId id,
        CampaignId campaign,
        String campaignSlug,
        AccountId host,
        ActionDetails details,
        ActionStatus status,
        String rejectionReason,
        boolean cancelled,
        boolean flagship,
        int sequence,
        boolean newHost,
        Instant createdAt,
        Instant updatedAt,
        Instant approvedAt) {

    public static final int REASON_MAX = 1_000;

    /** A new action: approved at once for a trusted host, else waiting for the organizers. */
    static Action registered(
            ActionId id,
            CampaignId campaign,
            String campaignSlug,
            AccountId host,
            ActionDetails details,
            boolean trusted,
            boolean newHost,
            Instant now) {
        return new Action(
                id,
                campaign,
                campaignSlug,
                host,
                details,
                trusted ? ActionStatus.APPROVED : ActionStatus.PENDING,
                null,
                false,
                false,
                0,
                newHost,
                now,
                now,
                trusted ? now : null);
    }

    /**
     * The action as edited: calendars see a new sequence; an approved (or rejected) action edited by someone the
     * organizers must check again waits for them.
     */
    Action edited(ActionDetails changed, boolean trusted, Instant now) {
        requireNotCancelled();
        var next = trusted ? ActionStatus.APPROVED : ActionStatus.PENDING;
        return with(changed, next, null, false, flagship, sequence + 1, now);
    }

    Action approved(Instant now) {
        if (status == ActionStatus.APPROVED) {
            throw DomainException.conflict("action.already-approved");
        }
        return with(details, ActionStatus.APPROVED, null, cancelled, flagship, sequence, now);
    }

    Action rejected(String reason, Instant now) {
        var clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new InvalidField("reason", "action.reason.required");
        }
        if (clean.length() > REASON_MAX) {
            throw new InvalidField("reason", "action.text.too-long", REASON_MAX);
        }
        if (status == ActionStatus.REJECTED) {
            throw DomainException.conflict("action.already-rejected");
        }
        return with(details, ActionStatus.REJECTED, clean, cancelled, flagship, sequence, now);
    }

    Action cancel(Instant now) {
        requireNotCancelled();
        return with(details, status, rejectionReason, true, flagship, sequence + 1, now);
    }

    Action flagship(boolean marked, Instant now) {
        return with(details, status, rejectionReason, cancelled, marked, sequence, now);
    }

    /** Whether this account hosts it (never for a host without an account). */
    public boolean hostedBy(AccountId account) {
        return host != null && host.equals(account);
    }

    /** Readers who are neither its host nor its organizers see only approved actions. */
    public boolean isPublic() {
        return status == ActionStatus.APPROVED;
    }

    /**
     * Where public maps put it: the pin, or the city's centre when the host shows only the city (even once the exact
     * place is revealed on its page: the map reads only its index, and a pin that appears on a map is copied at once).
     */
    public double mapLatitude() {
        var place = details.place();
        return details.approximate() ? place.cityLatitude() : place.latitude();
    }

    public double mapLongitude() {
        var place = details.place();
        return details.approximate() ? place.cityLongitude() : place.longitude();
    }

    /** The same action (id, campaign, host, arrival) in another state. */
    private Action with(
            ActionDetails details,
            ActionStatus status,
            String reason,
            boolean cancelled,
            boolean flagship,
            int sequence,
            Instant now) {
        return new Action(
                id,
                campaign,
                campaignSlug,
                host,
                details,
                status,
                reason,
                cancelled,
                flagship,
                sequence,
                newHost,
                createdAt,
                now,
                // first approved: "new actions" are told to followers once, not again after an edit was reviewed
                approvedAt == null && status == ActionStatus.APPROVED ? now : approvedAt);
    }

    private void requireNotCancelled() {
        if (cancelled) {
            throw DomainException.conflict("action.cancelled");
        }
    }
}
