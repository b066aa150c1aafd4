package org.chorus.imports;

import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;

/** Published when a person ({@code by}) has imported a WordPress export: how many statements and comments came in. */
public record WordPressImported(OrganizationId organization, AccountId by, int statements, int comments, Instant at) {}
