package org.chorus.organizations;

import org.chorus.shared.i18n.Language;

/**
 * An invitation as its link shows it, signed in or not: the organization, the role, who invited, and the language the
 * letter was written in (the page speaks it).
 */
public record Invitation(Organization organization, Role role, String email, String inviter, Language language) {}
