package org.chorus.statements;

/** A topic of statements: its slug for addresses, follows and filters, and its label as a writer wrote it. */
public record Topic(String slug, String label) {

    /** A topic nobody has labelled yet shows its slug as words. */
    public static Topic unlabelled(String slug) {
        return new Topic(slug, slug.replace('-', ' '));
    }
}
