package org.chorus.organizations;

/** An invitation as the invited person sees it before accepting. */
public record Invitation(Organization organization, Role role, String email) {}
