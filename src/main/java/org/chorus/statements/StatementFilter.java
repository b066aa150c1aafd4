package org.chorus.statements;

import java.time.LocalDate;
import org.chorus.organizations.OrganizationId;

/**
 * Which public statements a list shows: by organization (as issuer or co-issuer), topic, language (a published text
 * in it), and dates of issue (from inclusive, to inclusive; a statement dated to the month matches any day of it). Null
 * means "any".
 */
public record StatementFilter(
        OrganizationId organization, String topic, String language, LocalDate from, LocalDate to) {

    public static StatementFilter all() {
        return new StatementFilter(null, null, null, null, null);
    }
}
