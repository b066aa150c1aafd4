package org.chorus.accounts;

/** What other modules may know of a person: who they are and how to reach them. */
public record AccountSummary(AccountId id, String displayName, String email, String language) {}
