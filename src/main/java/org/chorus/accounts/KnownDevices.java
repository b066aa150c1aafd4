package org.chorus.accounts;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.chorus.shared.SecretToken;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsers that signed in to an account before, recognised by a device cookie as OWASP's "Slow Down Online Guessing
 * Attacks with Device Cookies" describes: {@code account.nonce.signature}, signed with HMAC-SHA256 under a key derived
 * from the data keys (so it survives restarts and is worthless without them), HttpOnly, SameSite=Lax, Secure in
 * production, kept one year and renewed at each sign-in. Attempts from such a browser have their own allowance, so
 * an attacker who spends an address's allowance does not lock its owner out; a sign-in from any other browser is
 * announced as {@link AccountSecurityChanged.Change#SIGNED_IN_FROM_NEW_DEVICE}.
 */
@Component
class KnownDevices {

    static final String COOKIE = "chorus_device";
    static final Duration LIFETIME = Duration.ofDays(365);
    private static final String PURPOSE = "accounts.device-cookie";

    private final PersonalData keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean secure;

    KnownDevices(
            PersonalData keys,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        this.keys = keys;
        this.events = events;
        this.clock = clock;
        this.secure = secure;
    }

    /** A genuine device cookie the request carries: the account it was issued for and its own random part. */
    record Device(AccountId account, String nonce) {}

    Optional<Device> of(HttpServletRequest request) {
        var cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                var device = verify(cookie.getValue());
                if (device.isPresent()) {
                    return device;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The one place a sign-in is recorded: announces it if this browser had no device cookie for the account, then
     * gives the browser a fresh one.
     */
    @Transactional
    public void signedIn(HttpServletRequest request, HttpServletResponse response, AccountId account) {
        var known = of(request).filter(d -> d.account().equals(account)).isPresent();
        if (!known) {
            events.publishEvent(new AccountSecurityChanged(
                    account, AccountSecurityChanged.Change.SIGNED_IN_FROM_NEW_DEVICE, null, clock.instant()));
        }
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(COOKIE, issue(account))
                        .path("/")
                        .maxAge(LIFETIME)
                        .httpOnly(true)
                        .secure(secure)
                        .sameSite("Lax")
                        .build()
                        .toString());
    }

    String issue(AccountId account) {
        var payload = account.value() + "." + SecretToken.generate().value();
        return payload + "." + sign(payload);
    }

    Optional<Device> verify(String value) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        var parts = value.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        var payload = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(
                sign(payload).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Device(new AccountId(UUID.fromString(parts[0])), parts[1]));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys.index(payload, PURPOSE));
    }
}
