package org.chorus.statements;

import java.util.Collection;
import java.util.Map;
import org.chorus.shared.web.Ui;

/**
 * What a module above statements adds to the Atom entries of statements (sign-on totals), the way {@link
 * org.chorus.shared.web.PageContribution} adds to a page (decision 0006): a bean of that module, asked once per page
 * of a feed, in one query, so a feed costs the same whatever it shows.
 */
public interface FeedEntryAddition {

    /** A line of plain text for each of these statements that has one, in the reader's language. */
    Map<StatementId, String> lines(Collection<StatementId> statements, Ui ui);
}
