package org.chorus.organizations;

/** Whether an organization is listed: a child waits for its parent's owners to approve it. */
public enum OrganizationStatus {
    PENDING,
    ACTIVE,
    REJECTED
}
