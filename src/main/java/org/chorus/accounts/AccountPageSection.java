package org.chorus.accounts;

/**
 * The place on a person's own account page where modules above accounts add a section of their own ({@link
 * org.chorus.shared.web.PageContribution PageContribution&lt;AccountPageSection&gt;}), e.g. notifications its
 * settings and the link to the person's tasks.
 */
public record AccountPageSection(AccountId account) {}
