package org.chorus.shared.web;

/**
 * Marks an event after which anonymous readers must see fresh pages (a statement published or corrected, an
 * organization renamed …). When such an event is committed, {@link PublicPageCache} makes what it kept stale: the next
 * request for a page renders it again (a {@link PublicPagesWithdrawn} event drops everything instead).
 */
public interface PublicPagesChanged {}
