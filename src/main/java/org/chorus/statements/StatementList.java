package org.chorus.statements;

import java.util.List;

/** One page of a statement list. Pages count from 1. */
public record StatementList(List<StatementSummary> items, int page, int pageSize, long total) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
