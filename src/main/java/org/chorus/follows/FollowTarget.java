package org.chorus.follows;

import java.util.UUID;
import org.chorus.campaigns.CampaignId;
import org.chorus.organizations.OrganizationId;

/**
 * What is followed: an organization, a topic (a topic slug, as statements store them) or a campaign (its new actions,
 * anywhere or near a city).
 */
public record FollowTarget(OrganizationId organization, String topic, CampaignFollow campaign) {

    /** The campaign followed, and optionally the city its new actions must be near. */
    public record CampaignFollow(CampaignId id, String slug, Near near) {}

    /**
     * Near a city of the gazetteer: within so many kilometres of it.
     *
     * @param city the city's GeoNames id
     */
    public record Near(long city, int kilometres) {

        /** The distances a follower may choose. */
        public static final java.util.List<Integer> CHOICES = java.util.List.of(10, 25, 50, 100, 250, 500);

        public Near {
            if (!CHOICES.contains(kilometres)) {
                throw new IllegalArgumentException("a distance the form offers: " + kilometres);
            }
        }
    }

    public FollowTarget {
        int targets = (organization == null ? 0 : 1) + (topic == null ? 0 : 1) + (campaign == null ? 0 : 1);
        if (targets != 1) {
            throw new IllegalArgumentException("a follow is of an organization, a topic or a campaign");
        }
    }

    public FollowTarget(OrganizationId organization, String topic) {
        this(organization, topic, null);
    }

    public static FollowTarget of(OrganizationId organization) {
        return new FollowTarget(organization, null, null);
    }

    public static FollowTarget topic(String topic) {
        return new FollowTarget(null, topic, null);
    }

    public static FollowTarget campaign(CampaignId campaign, String slug, Near near) {
        return new FollowTarget(null, null, new CampaignFollow(campaign, slug, near));
    }

    public boolean isOrganization() {
        return organization != null;
    }

    public boolean isCampaign() {
        return campaign != null;
    }

    /** One text per target, for the unique (follower, target) constraint: one follow of a campaign, near or not. */
    String key() {
        if (organization != null) {
            return "organization:" + organization.value();
        }
        return campaign != null ? "campaign:" + campaign.id().value() : "topic:" + topic;
    }

    static FollowTarget of(UUID organization, String topic) {
        return organization != null ? of(new OrganizationId(organization)) : topic(topic);
    }
}
