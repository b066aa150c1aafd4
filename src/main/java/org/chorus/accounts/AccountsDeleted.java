package org.chorus.accounts;

import java.util.List;

/** Published when accounts are deleted, so other modules drop what refers to them. */
public record AccountsDeleted(List<AccountId> accounts) {}
