package org.chorus.statements;

import java.util.List;

/**
 * One page of a statement list, with the tokens of the pages next to it ({@code newer}, {@code older}; null at either
 * end) and how many statements the list has: exactly, or at least {@code total} when {@code totalIsAtLeast} (lists
 * count up to {@link ReadingStatements#COUNT_CAP}, decision 0025). {@code page} is the page number when a link asked
 * for one, else null.
 */
public record StatementList(
        List<StatementSummary> items,
        long total,
        boolean totalIsAtLeast,
        String newer,
        String older,
        boolean newest,
        Integer page) {

    public boolean hasNewer() {
        return newer != null;
    }

    public boolean hasOlder() {
        return older != null;
    }
}
