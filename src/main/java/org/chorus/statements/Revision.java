package org.chorus.statements;

import java.time.Instant;
import java.util.List;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.jspecify.annotations.Nullable;

/**
 * One saved version of a statement's text in one language, who saved it, and (for the original's text) the
 * signatories and co-issuers it was saved with; those are null for versions saved before they were recorded.
 */
public record Revision(
        int number,
        String title,
        String subtitle,
        String body,
        boolean published,
        String note,
        Instant createdAt,
        AccountId by,
        @Nullable List<Signatory> signatories,
        @Nullable List<OrganizationId> cosigners) {}
