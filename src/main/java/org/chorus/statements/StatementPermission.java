package org.chorus.statements;

import static org.chorus.organizations.Role.EDITOR;
import static org.chorus.organizations.Role.OWNER;

import org.chorus.organizations.Permission;

/** What a person may do with their organization's statements. */
public enum StatementPermission implements Permission {
    /** Write and edit draft statements, translate them, submit them for review. */
    WRITE_STATEMENTS(Holders.of(OWNER, EDITOR)),
    /** Approve, schedule, correct and retract the organization's statements; send drafts back; import statements. */
    PUBLISH_STATEMENTS(Holders.of(OWNER).andDesignatedReviewers()),
    /** Ask another organization to co-issue one of the organization's statements, and withdraw the request. */
    ASK_CO_ISSUERS(Holders.of(OWNER, EDITOR)),
    /** Read other organizations' requests to co-issue their statements (drafts included), accept or decline them. */
    ANSWER_CO_ISSUE_REQUESTS(Holders.of(OWNER).andDesignatedReviewers());

    private final Holders holders;

    StatementPermission(Holders holders) {
        this.holders = holders;
    }

    @Override
    public Holders holders() {
        return holders;
    }
}
