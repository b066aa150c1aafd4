package org.chorus.shared.web;

import gg.jte.Content;
import java.util.Optional;

/**
 * A part of a page that a module adds to a page owned by a module below it, which does not depend on it (a
 * statement's comment count today; sign-on totals, campaign links, federation counts next). {@code S} is the slot: a
 * record the page's owner declares for one place on its page, carrying what contributions need to know (statements:
 * {@code AfterStatementText}). The owner renders every contribution to a slot, on the server, in {@code @Order}, as
 * part of the page (decision 0006):
 *
 * <ul>
 *   <li>what a contribution shows an anonymous reader is the same for every anonymous reader in that language, since
 *       the page may be kept by {@link PublicPageCache};
 *   <li>it runs at most one query, whatever the data size;
 *   <li>its numbers may lag by the cache's TTL: a counter that changes often is read from a total its module keeps
 *       (refreshed by a job if need be), and its changes are not {@link PublicPagesChanged} events;
 *   <li>it works without JavaScript (links and forms, as the rest of the page).
 * </ul>
 */
public interface PageContribution<S> {

    /** The part to render in the slot, in the reader's language, or empty when there is nothing to show. */
    Optional<Content> render(S slot, Ui ui);
}
