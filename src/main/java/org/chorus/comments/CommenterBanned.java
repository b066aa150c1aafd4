package org.chorus.comments;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.jspecify.annotations.Nullable;

/**
 * Published when a moderator bans a person from commenting on the organization's statements; {@code account} is null
 * when the person was a guest (known only by the blind index of their address, which is not passed on).
 */
public record CommenterBanned(
        OrganizationId organization, @Nullable AccountId account, AccountId moderator, Instant at) {}
