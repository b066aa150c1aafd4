package org.chorus.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import org.chorus.shared.i18n.Language;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Signing in to an account with two-factor sign-in takes two steps. After the password the session holds only a
 * "pending" mark (which account, since when, where to go): no {@link Authentication}, so every page, public or not,
 * still treats the browser as signed out. The second step (a code, a recovery code, or a passkey) turns it into a full
 * sign-in carrying a {@link FactorGrantedAuthority} for each factor, with a new session id. A pending mark lasts 5
 * minutes. docs/decisions/0010-two-factor.md.
 */
@Component
public class TwoStepSignIn {

    static final String PENDING = TwoStepSignIn.class.getName() + ".PENDING";
    static final Duration PENDING_FOR = Duration.ofMinutes(5);
    /** The factor a code from an authenticator app (or a recovery code) proves. */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

    record Pending(AccountId account, Instant since, String target) implements Serializable {}

    private final SigningInWithTwoFactor twoFactor;
    private final Accounts accounts;
    private final SessionRegistry sessions;
    private final Sessions tracked;
    private final KnownDevices devices;
    private final LocaleResolver localeResolver;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    TwoStepSignIn(
            SigningInWithTwoFactor twoFactor,
            Accounts accounts,
            SessionRegistry sessions,
            Sessions tracked,
            KnownDevices devices,
            LocaleResolver localeResolver,
            Clock clock) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tracked = tracked;
        this.devices = devices;
        this.localeResolver = localeResolver;
        this.clock = clock;
    }

    /**
     * Called when the password was right: for an account with two-factor sign-in, undoes the sign-in Spring Security
     * just made, remembers the account as pending and sends the browser to the second step. Returns whether it did.
     */
    boolean interrupt(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (!(authentication.getPrincipal() instanceof ChorusUser user) || !twoFactor.required(user.id())) {
            return false;
        }
        var target = target(request, response);
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        var session = request.getSession();
        sessions.removeSessionInformation(session.getId());
        session.setAttribute(PENDING, new Pending(user.id(), clock.instant(), target));
        response.sendRedirect("/login/second-factor");
        return true;
    }

    /** The account waiting for its second step in this browser, if its 5 minutes have not run out. */
    public Optional<AccountId> pending(HttpServletRequest request) {
        return pendingMark(request).map(Pending::account);
    }

    /** Forgets the pending step (the person starts again from the password). */
    public void cancel(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    /**
     * Completes the sign-in of the pending account after its second factor was checked: a new session id, the full
     * authentication (password and {@code factor}) and the interface language; returns where to go next.
     */
    public String complete(HttpServletRequest request, HttpServletResponse response, String factor) {
        var pending = pendingMark(request).orElseThrow(() -> new IllegalStateException("no pending sign-in"));
        var user = accounts.byId(pending.account()).map(ChorusUser::new).orElseThrow();
        var now = clock.instant();
        var authorities = new ArrayList<GrantedAuthority>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(pending.since())
                .build());
        authorities.add(
                FactorGrantedAuthority.withAuthority(factor).issuedAt(now).build());
        user.eraseCredentials();
        signIn(request, response, user, authorities);
        return pending.target();
    }

    /**
     * Signs in the person who just signed up in this browser (the password was typed here at {@code passwordAt}) and
     * confirmed the address by the emailed link: both factors of a sign-in, so they need not type the password again.
     * Does nothing for an account with two-factor sign-in or one that is not active.
     */
    public boolean signInAfterConfirmation(
            HttpServletRequest request, HttpServletResponse response, AccountId account, Instant passwordAt) {
        var found = accounts.byId(account).filter(Account::active);
        if (found.isEmpty() || twoFactor.required(account)) {
            return false;
        }
        var user = new ChorusUser(found.get());
        var authorities = new ArrayList<GrantedAuthority>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(passwordAt)
                .build());
        user.eraseCredentials();
        signIn(request, response, user, authorities);
        return true;
    }

    /**
     * Makes a sign-in (second step, or a passkey alone) the session's: drops any pending step, changes the session id
     * against fixation, keeps the authentication and registers the session so that a password change can end it.
     */
    void signIn(
            HttpServletRequest request,
            HttpServletResponse response,
            ChorusUser user,
            Collection<? extends GrantedAuthority> authorities) {
        cancel(request);
        tracked.signedIn(request);
        var old = request.getSession().getId();
        sessions.removeSessionInformation(old);
        var id = request.changeSessionId();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        sessions.registerNewSession(id, user);
        Language.byTag(user.language()).ifPresent(l -> localeResolver.setLocale(request, response, l.locale()));
        // only now is it a sign-in: the browser becomes known to the account (and a new one is recorded)
        devices.signedIn(request, response, user.id());
    }

    private Optional<Pending> pendingMark(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (pending.since().plus(PENDING_FOR).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /** Where the person was going before being asked to sign in: a path on this site only, never another host. */
    private static String target(HttpServletRequest request, HttpServletResponse response) {
        var cache = new HttpSessionRequestCache();
        var saved = cache.getRequest(request, response);
        if (saved == null) {
            return "/";
        }
        cache.removeRequest(request, response);
        try {
            var uri = URI.create(saved.getRedirectUrl());
            var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
