package org.chorus.shared.http;

/** A request to an outside address that could not go, or whose answer Chorus refused; says whether to try again. */
public final class OutboundFailure extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** not an http(s) address, https required, or an address Chorus may not reach: the same each time */
        REFUSED_ADDRESS(false),
        /** more redirects than allowed */
        TOO_MANY_REDIRECTS(false),
        /** the answer is larger than allowed */
        TOO_LARGE(false),
        /** the answer is not what HTTP allows (e.g. a redirect to an unreadable address) */
        BAD_ANSWER(false),
        /** no connection, or it broke: the server may be back later */
        UNREACHABLE(true),
        /** no full answer in time */
        TIMEOUT(true);

        private final boolean temporary;

        Kind(boolean temporary) {
            this.temporary = temporary;
        }

        /** Whether trying again later may succeed. */
        public boolean temporary() {
            return temporary;
        }
    }

    private final Kind kind;

    public OutboundFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
