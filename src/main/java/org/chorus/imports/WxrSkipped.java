package org.chorus.imports;

/**
 * An item of an export that Chorus has no place for (a menu item, a revision, a custom type), named by WordPress's
 * type, its title and its id, so the report can say in the reader's language what was left.
 */
public record WxrSkipped(String type, String title, long wpId) {}
