package org.chorus.follows;

/** A follow waits for its confirmation link, then is active until the follower unsubscribes. */
public enum FollowStatus {
    PENDING,
    ACTIVE,
    UNSUBSCRIBED
}
