package org.chorus.notifications;

/**
 * A notice as people read it, in one language: the sentence saying what happened, the page where they act or look,
 * and whether it still waits for them.
 */
public record Described(Notice notice, String text, String path, boolean open) {}
