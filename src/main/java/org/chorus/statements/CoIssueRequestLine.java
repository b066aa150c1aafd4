package org.chorus.statements;

import org.chorus.organizations.Organization;

/** A co-issue request as lists show it: with its statement's address and title and both organizations. */
public record CoIssueRequestLine(
        CoIssueRequest request, String statementSlug, String title, Organization issuer, Organization invited) {

    CoIssueRequestLine named(java.util.Map<org.chorus.organizations.OrganizationId, Organization> organizations) {
        return new CoIssueRequestLine(
                request,
                statementSlug,
                title,
                organizations.get(request.issuer()),
                organizations.get(request.invited()));
    }
}
