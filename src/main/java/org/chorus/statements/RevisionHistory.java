package org.chorus.statements;

import com.github.difflib.text.DiffRow;
import java.util.List;
import java.util.Map;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.Organization;

/**
 * The published revisions of a statement's original text, oldest first, under the statement's heading; for a
 * republication that follows its original, the original's revisions. {@code editors} is the organization whose people
 * made them; {@code names} holds their names only for a viewer who belongs to it (to others: "an editor of …").
 */
public record RevisionHistory(
        StatementHeading statement, List<Revision> revisions, Organization editors, Map<AccountId, String> names) {

    /** Who made a revision, by name when the viewer may know it, else null. */
    public String nameOf(Revision revision) {
        return names.get(revision.by());
    }

    /**
     * Two of these revisions compared as readers see them: the rendered text word by word, and the signatories and
     * co-issuers added and removed (empty when either revision was saved before they were recorded).
     */
    public record Comparison(
            StatementHeading statement,
            List<DiffRow> rows,
            List<Signatory> signatoriesRemoved,
            List<Signatory> signatoriesAdded,
            List<Organization> cosignersRemoved,
            List<Organization> cosignersAdded) {

        public boolean signatoriesChanged() {
            return !signatoriesRemoved.isEmpty() || !signatoriesAdded.isEmpty();
        }

        public boolean cosignersChanged() {
            return !cosignersRemoved.isEmpty() || !cosignersAdded.isEmpty();
        }
    }
}
