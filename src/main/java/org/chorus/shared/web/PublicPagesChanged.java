package org.chorus.shared.web;

/**
 * Marks an event after which anonymous readers must see fresh pages (a statement published or corrected, an
 * organization renamed …). {@link PublicPageCache} drops what it kept when such an event is committed.
 */
public interface PublicPagesChanged {}
