package org.chorus.campaigns;

/** The kinds of local action a campaign calls for (and, in the actions module, the kind of one action). */
public enum ActionKind {
    /** A protest or rally at a place. */
    PROTEST,
    /** An educational session or teach-in. */
    EDUCATIONAL,
    /** Letters to one's own government. */
    LETTER,
    /** An action online. */
    ONLINE,
    OTHER;

    /** The message key of its name, for pages in every language. */
    public String key() {
        return "action.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
