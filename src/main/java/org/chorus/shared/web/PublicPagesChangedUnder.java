package org.chorus.shared.web;

import java.util.Collection;

/**
 * An event after which anonymous readers must see fresh copies of some pages only: those at the given paths and below
 * them (a statement's sign-on totals changed: {@code /s/its-slug}, its list and its counter, and the feeds). When it
 * is committed, {@link PublicPageCache} makes the pages it kept there stale and leaves every other page fresh, so a
 * number that changes every few seconds on one statement does not render the whole site again. Not a {@link
 * PublicPagesChanged}: that one makes every page stale.
 */
public interface PublicPagesChangedUnder {

    /** Paths without a query ({@code /s/slug}): each names the page at it and every page below it. */
    Collection<String> paths();
}
