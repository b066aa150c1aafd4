package org.chorus.statements;

import java.time.LocalDate;
import org.chorus.organizations.OrganizationId;

/**
 * Which public statements a list shows: by organization (as issuer or co-issuer), topic, language (a published text
 * in it), and publication dates (from inclusive, to inclusive). Null means "any".
 */
public record StatementFilter(
        OrganizationId organization, String topic, String language, LocalDate from, LocalDate to) {

    public static StatementFilter all() {
        return new StatementFilter(null, null, null, null, null);
    }
}
