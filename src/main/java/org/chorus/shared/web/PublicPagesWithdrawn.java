package org.chorus.shared.web;

/**
 * A {@link PublicPagesChanged} event that takes something off the public pages (a statement retracted, a comment
 * hidden): {@link PublicPageCache} drops what it kept and never serves a page rendered before it, not even stale
 * while the page is rendered again.
 */
public interface PublicPagesWithdrawn extends PublicPagesChanged {}
