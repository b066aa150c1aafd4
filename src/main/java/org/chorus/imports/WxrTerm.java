package org.chorus.imports;

/**
 * A WordPress category or tag.
 *
 * @param parentSlug the slug of the parent category, {@code null} for a top-level term and for tags
 */
public record WxrTerm(String slug, String name, String parentSlug) {}
