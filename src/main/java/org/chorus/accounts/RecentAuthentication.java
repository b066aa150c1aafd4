package org.chorus.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Asks a signed-in person to prove again who they are before a sensitive change (their email address or password,
 * two-factor settings, roles in an organization, API tokens, exports, deleting an organization), unless they signed in
 * or proved it within the last {@link #WINDOW}: a session left open on a shared computer, or taken, cannot be used
 * for those.
 *
 * <p>Three ways to use it:
 *
 * <ul>
 *   <li>Mark the handler {@link RequiresRecentSignIn @RequiresRecentSignIn} (the usual way). A person who has not
 *       proved it recently gets the confirmation page instead: after a GET they come back to the page; after a POST
 *       the page posts the same form (the fields they filled in, except passwords) to the same action together with
 *       their password, and the action runs. Works without JavaScript; htmx requests are sent to the page they came
 *       from after confirming.
 *   <li>Call {@link #require(HttpServletRequest)} in a handler when only some submissions need it; it throws {@link
 *       RecentSignInRequired}, which is answered the same way.
 *   <li>Call {@link #confirmed(HttpServletRequest)} after any other proof of identity the person just gave: a correct
 *       current password in a form that asks for it, and later a passkey assertion or a TOTP code on the confirmation
 *       page. The window starts again from then.
 * </ul>
 *
 * <p>The confirmation page ({@code /account/confirm-password}) asks for the password today; a passkey button can be
 * added to it and call {@link #confirmed} once the assertion is verified. After {@value #MAX_FAILURES} wrong passwords
 * the session is ended, so a taken session cannot be used to guess the password.
 */
@Component
public class RecentAuthentication {

    /** How long a sign-in or a confirmation counts as recent. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

    static final int MAX_FAILURES = 5;

    private final Clock clock;
    private final Accounts accounts;
    private final Passwords passwords;

    RecentAuthentication(Clock clock, Accounts accounts, Passwords passwords) {
        this.clock = clock;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    /** Whether the person signed in or confirmed who they are within the last {@link #WINDOW}. */
    public boolean isRecent(HttpServletRequest request) {
        var state = state(request);
        return state != null
                && state.account().equals(currentAccount())
                && clock.instant().isBefore(state.confirmedAt().plus(WINDOW));
    }

    /** Goes on if the sign-in is recent; otherwise throws {@link RecentSignInRequired} (the confirmation page). */
    public void require(HttpServletRequest request) {
        if (!isRecent(request)) {
            throw new RecentSignInRequired(false);
        }
    }

    /** The person just proved who they are (a password, later a passkey or a second factor): the window restarts. */
    public void confirmed(HttpServletRequest request) {
        var session = request.getSession(false);
        var state = state(request);
        if (session != null && state != null) {
            session.setAttribute(SessionState.ATTRIBUTE, state.confirmed(clock.instant()));
        }
    }

    /**
     * Checks the password the confirmation page asked for: right, the window restarts; wrong, {@link
     * RecentSignInRequired} with {@link RecentSignInRequired#wrongPassword()}; the {@value #MAX_FAILURES}th wrong one in
     * a session ends the session ({@link InsufficientAuthenticationException}: the person signs in again).
     */
    public void confirmPassword(HttpServletRequest request, String password) {
        var account = currentAccount();
        var state = state(request);
        if (account == null || state == null) {
            throw new InsufficientAuthenticationException("not signed in");
        }
        var hash =
                accounts.byId(new AccountId(account)).map(Account::passwordHash).orElse(null);
        if (hash != null && password != null && !password.isEmpty() && passwords.matches(password, hash)) {
            confirmed(request);
            // the session may now make sensitive changes: a new id, as at sign-in, so an id seen before is worth less
            request.changeSessionId();
            return;
        }
        wrongPassword(request);
        throw new RecentSignInRequired(true);
    }

    /**
     * Counts a wrong password typed while signed in (the confirmation page, or the current password asked by the
     * email and password forms): a stolen session gets {@value #MAX_FAILURES} guesses, then the session ends ({@link
     * InsufficientAuthenticationException}: whoever holds it must sign in, where the sign-in limits apply).
     */
    public void wrongPassword(HttpServletRequest request) {
        var state = state(request);
        if (state == null) {
            return;
        }
        var failed = state.failedConfirmation();
        if (failed.failedConfirmations() >= MAX_FAILURES) {
            request.getSession().invalidate();
            SecurityContextHolder.clearContext();
            throw new InsufficientAuthenticationException("too many wrong passwords in one session");
        }
        request.getSession().setAttribute(SessionState.ATTRIBUTE, failed);
    }

    private static @Nullable SessionState state(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? null : (SessionState) session.getAttribute(SessionState.ATTRIBUTE);
    }

    private static java.util.@Nullable UUID currentAccount() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ChorusUser user
                ? user.id().value()
                : null;
    }
}
