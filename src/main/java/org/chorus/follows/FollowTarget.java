package org.chorus.follows;

import java.util.UUID;
import org.chorus.organizations.OrganizationId;

/** What is followed: an organization or a topic (a topic slug, as statements store them). */
public record FollowTarget(OrganizationId organization, String topic) {

    public FollowTarget {
        if ((organization == null) == (topic == null)) {
            throw new IllegalArgumentException("a follow is of an organization or of a topic");
        }
    }

    public static FollowTarget of(OrganizationId organization) {
        return new FollowTarget(organization, null);
    }

    public static FollowTarget topic(String topic) {
        return new FollowTarget(null, topic);
    }

    public boolean isOrganization() {
        return organization != null;
    }

    /** One text per target, for the unique (follower, target) constraint. */
    String key() {
        return organization != null ? "organization:" + organization.value() : "topic:" + topic;
    }

    static FollowTarget of(UUID organization, String topic) {
        return organization != null ? of(new OrganizationId(organization)) : topic(topic);
    }
}
