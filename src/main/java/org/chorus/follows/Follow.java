package org.chorus.follows;

import java.util.UUID;
import org.chorus.shared.i18n.Language;

/**
 * One subscription of one address, as its preferences page shows it (never with the address).
 *
 * @param targetName the organization's name, or the topic
 */
public record Follow(
        UUID id,
        FollowTarget target,
        String targetName,
        String organizationSlug,
        Frequency frequency,
        boolean includeChildren,
        Language language,
        FollowStatus status) {}
