package org.chorus.statements;

import com.github.difflib.text.DiffRow;
import java.util.List;

/** The published revisions of a statement's original text, oldest first, under the statement's heading. */
public record RevisionHistory(StatementHeading statement, List<Revision> revisions) {

    /** Two of these revisions compared line by line, for "corrected on …". */
    public record Comparison(StatementHeading statement, List<DiffRow> rows) {}
}
