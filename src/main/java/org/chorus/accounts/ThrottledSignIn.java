package org.chorus.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.RateLimits;
import org.chorus.shared.config.ChorusProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Limits password checks where they happen, around the provider that checks them, so no spelling of an address and
 * no other way to a password check walks around the limits (issue 11, holes 1 and 2). Before the password is checked
 * an attempt takes one from each of its allowances (token buckets in memory, keys hashed); a success gives them back,
 * so only failures count, and parallel guesses cannot all pass a check made before any of them failed.
 *
 * <p>A browser with a device cookie for the account ({@link KnownDevices}) has one allowance of its own. Every other
 * attempt counts against its network (all addresses tried from it), the address from that network (low: someone
 * guessing), and the address from everywhere (high: a crowd of networks guessing), in that order, so an attacker's
 * attempts refused at a low limit do not spend the high one that locks the owner out.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private static final int MAX_TRACKED = 100_000;

    private final AuthenticationProvider passwords;
    private final KnownDevices devices;
    private final Accounts accounts;
    private final ChorusProperties.Login limits;
    private final RateLimits perWindow;
    private final RateLimits perHour = new RateLimits(Duration.ofHours(1), MAX_TRACKED);

    ThrottledSignIn(
            AuthenticationProvider passwords, KnownDevices devices, Accounts accounts, ChorusProperties properties) {
        this.passwords = passwords;
        this.devices = devices;
        this.accounts = accounts;
        this.limits = properties.login();
        this.perWindow = new RateLimits(Duration.ofSeconds(limits.windowSeconds()), MAX_TRACKED);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        var taken = take(attempt.getName() == null ? "" : attempt.getName(), currentRequest());
        // a refused password keeps its share taken: that is the failure being counted
        var signedIn = passwords.authenticate(attempt);
        taken.forEach(Allowance::giveBack);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private List<Allowance> take(String email, HttpServletRequest request) {
        var key = Account.emailKey(email);
        var device = devices.of(request);
        List<Allowance> allowances;
        if (device.isPresent()
                && accounts.byEmail(key).map(Account::id).equals(device.map(KnownDevices.Device::account))) {
            allowances =
                    List.of(new Allowance(perWindow, "device:" + device.get().nonce(), limits.attemptsPerEmail()));
        } else {
            var network = NetworkPrefix.hash(request == null ? null : request.getRemoteAddr());
            allowances = List.of(
                    new Allowance(perWindow, "network:" + network, limits.attemptsPerAddress()),
                    new Allowance(perWindow, "email-network:" + network + ":" + key, limits.attemptsPerEmail()),
                    new Allowance(perHour, "email:" + key, limits.attemptsPerEmailPerHour()));
        }
        var taken = new ArrayList<Allowance>();
        for (var allowance : allowances) {
            long wait = allowance.limits().take(allowance.key(), allowance.allowed());
            if (wait > 0) {
                // a refused attempt checks no password, so it spends nothing
                taken.forEach(Allowance::giveBack);
                throw new SignInThrottled(wait);
            }
            taken.add(allowance);
        }
        return taken;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private record Allowance(RateLimits limits, String key, int allowed) {
        void giveBack() {
            limits.giveBack(key);
        }
    }

    /** Too many attempts: the sign-in page says how many seconds to wait (429 with Retry-After). */
    static final class SignInThrottled extends AuthenticationException {

        private final long seconds;

        SignInThrottled(long seconds) {
            super("too many sign-in attempts");
            this.seconds = seconds;
        }

        long seconds() {
            return seconds;
        }
    }
}
