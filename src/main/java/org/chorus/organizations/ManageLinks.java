package org.chorus.organizations;

/**
 * The links to an organization's work at the top of its manage page and among the buttons of its page, for someone
 * signed in, where modules above add theirs ({@link org.chorus.shared.web.PageContribution
 * PageContribution&lt;ManageLinks&gt;}), e.g. statements its co-issue requests with the number waiting.
 *
 * @param viewer the person looking, signed in
 */
public record ManageLinks(OrganizationId organization, String slug, Actor viewer) {}
