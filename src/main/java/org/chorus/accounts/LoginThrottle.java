package org.chorus.accounts;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.UiAdvice;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts per email address and per network address (Bucket4j token buckets, in memory). Past the
 * limit the login page answers 429 with the number of seconds to wait. Keys are hashed so memory holds no addresses.
 */
class LoginThrottle extends OncePerRequestFilter {

    private static final int MAX_TRACKED = 100_000;

    private final ChorusProperties.Login limits;
    private final TemplateEngine templates;
    private final UiAdvice uiAdvice;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    LoginThrottle(ChorusProperties properties, TemplateEngine templates, UiAdvice uiAdvice) {
        this.limits = properties.login();
        this.templates = templates;
        this.uiAdvice = uiAdvice;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/login"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var email = request.getParameter("email");
        var byAddress = bucket("ip:" + request.getRemoteAddr(), limits.attemptsPerAddress());
        var byEmail = bucket("email:" + Account.emailKey(email == null ? "" : email), limits.attemptsPerEmail());
        var addressProbe = byAddress.tryConsumeAndReturnRemaining(1);
        var emailProbe = addressProbe.isConsumed() ? byEmail.tryConsumeAndReturnRemaining(1) : null;
        if (addressProbe.isConsumed() && emailProbe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long waitNanos =
                emailProbe == null ? addressProbe.getNanosToWaitForRefill() : emailProbe.getNanosToWaitForRefill();
        long seconds = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
        var ui = uiAdvice.uiFor(request);
        var output = new Utf8ByteOutput();
        templates.render(
                "accounts/login.jte",
                Map.of(
                        "ui",
                        ui,
                        "email",
                        email == null ? "" : email,
                        "errors",
                        new FormErrors(Map.of(), ui.t("login.throttled", seconds))),
                output);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(output.getContentLength());
        output.writeTo(response.getOutputStream());
    }

    private Bucket bucket(String key, int attempts) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(
                SecretToken.hash(key),
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(attempts)
                                .refillGreedy(attempts, Duration.ofSeconds(limits.windowSeconds()))
                                .build())
                        .build());
    }
}
