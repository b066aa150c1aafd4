package org.chorus.statements;

import org.chorus.shared.DomainException;

/**
 * Which page of a statement list a reader asks for: the newest, the one older than a cursor ({@code ?after=}), the one
 * newer than a cursor ({@code ?before=}), or, for links made before cursors, a page number up to {@link
 * #LAST_NUMBERED_PAGE} (decision 0025).
 */
public record ListPosition(StatementCursor after, StatementCursor before, int number) {

    /** Page numbers beyond this are refused with a message: OFFSET reads every row it skips. */
    public static final int LAST_NUMBERED_PAGE = 50;

    public static ListPosition newest() {
        return new ListPosition(null, null, 1);
    }

    /** The page of {@code ?after=…&before=…&page=…} as a link gives them; a damaged cursor or a far page is a 400. */
    public static ListPosition of(String after, String before, Integer page) {
        var older = StatementCursor.of(after);
        if (older != null) {
            return new ListPosition(older, null, 0);
        }
        var newer = StatementCursor.of(before);
        if (newer != null) {
            return new ListPosition(null, newer, 0);
        }
        if (page == null || page <= 1) {
            return newest();
        }
        if (page > LAST_NUMBERED_PAGE) {
            throw new DomainException(400, "statements.page-too-far", LAST_NUMBERED_PAGE);
        }
        return new ListPosition(null, null, page);
    }

    /** Rows to skip: only a numbered page skips any. */
    int offset(int pageSize) {
        return number > 1 ? (number - 1) * pageSize : 0;
    }

    /** Whether this page is the newest one. */
    public boolean isNewest() {
        return after == null && before == null && number <= 1;
    }
}
