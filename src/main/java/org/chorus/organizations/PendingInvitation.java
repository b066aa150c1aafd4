package org.chorus.organizations;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation that waits for its answer, as owners see it: the invited address only for those who may see addresses
 * ({@link OrganizationPermission#SEE_EMAIL_ADDRESSES}, else {@code null}), who invited and when, until when it works.
 */
public record PendingInvitation(
        UUID id, String email, Role role, String invitedBy, Instant invitedAt, Instant expiresAt) {}
