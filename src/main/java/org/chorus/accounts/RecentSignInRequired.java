package org.chorus.accounts;

/**
 * Thrown by {@link RecentAuthentication#require} (and for handlers marked {@link RequiresRecentSignIn}) when the person
 * must confirm who they are before going on. Pages answer it with the confirmation page ({@code
 * accounts.web.RecentSignInPages}); nobody else needs to catch it.
 */
public class RecentSignInRequired extends RuntimeException {

    private final boolean wrongPassword;

    RecentSignInRequired(boolean wrongPassword) {
        super(
                wrongPassword ? "wrong password on the confirmation page" : "a recent sign-in is required",
                null,
                false,
                false);
        this.wrongPassword = wrongPassword;
    }

    /** The person tried a password and it was not theirs: the page says so next to the field. */
    public boolean wrongPassword() {
        return wrongPassword;
    }
}
