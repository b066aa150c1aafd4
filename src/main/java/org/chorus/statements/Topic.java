package org.chorus.statements;

/** A topic of statements: its slug for addresses, follows and filters, and its label as a writer wrote it. */
public record Topic(String slug, String label) {

    /** A topic no statement has used yet (a follow made ahead, an address typed by hand) shows its slug. */
    public static Topic unlabelled(String slug) {
        return new Topic(slug, slug);
    }
}
