package org.chorus.follows;

import java.time.Instant;
import org.chorus.campaigns.CampaignId;
import org.chorus.organizations.OrganizationId;

/**
 * A message an organization writes to its followers, or to the followers of one of its campaigns ({@code campaign},
 * else null), in one language; sent now or at a chosen time, once.
 */
public record Announcement(
        long id,
        OrganizationId organization,
        String language,
        String subject,
        String body,
        AnnouncementStatus status,
        Instant scheduledFor,
        Instant sentAt,
        Integer recipients,
        Instant createdAt,
        Instant updatedAt,
        CampaignId campaign) {

    /** The batch of the email engine its letters belong to, for progress counts. */
    public String batch() {
        return batch(id);
    }

    static String batch(long id) {
        return "announcement:" + id;
    }

    /**
     * Only a draft changes. A scheduled one is locked, as a scheduled statement is, so the text an owner scheduled is
     * the text that goes out; cancelling the schedule makes it a draft again.
     */
    public boolean editable() {
        return status == AnnouncementStatus.DRAFT;
    }
}
