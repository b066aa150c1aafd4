package org.chorus.organizations;

/**
 * The place after an organization's profile on its public page, where modules above organizations add their part
 * ({@link org.chorus.shared.web.PageContribution PageContribution&lt;AfterOrganizationProfile&gt;}), e.g. statements
 * its latest statements and those of the organizations below it.
 *
 * @param below the listed organizations below this one, at any depth (a coalition's commissions and chapters and
 *     theirs)
 */
public record AfterOrganizationProfile(Organization organization, java.util.List<OrganizationId> below) {}
