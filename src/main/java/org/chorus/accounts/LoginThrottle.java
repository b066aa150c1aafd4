package org.chorus.accounts;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.chorus.shared.RateLimits;
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
    static final org.springframework.security.web.util.matcher.RequestMatcher SIGN_IN =
            org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
                    .matcher(org.springframework.http.HttpMethod.POST, "/login");

    private final ChorusProperties.Login limits;
    private final TemplateEngine templates;
    private final UiAdvice uiAdvice;
    private final RateLimits buckets;

    LoginThrottle(ChorusProperties properties, TemplateEngine templates, UiAdvice uiAdvice) {
        this.limits = properties.login();
        this.buckets = new RateLimits(Duration.ofSeconds(limits.windowSeconds()), MAX_TRACKED);
        this.templates = templates;
        this.uiAdvice = uiAdvice;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the form login's own matcher: the limit applies to every request that checks a password, however spelled
        return !SIGN_IN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var email = request.getParameter("email");
        long seconds = buckets.take("ip:" + request.getRemoteAddr(), limits.attemptsPerAddress());
        if (seconds == 0) {
            seconds = buckets.take("email:" + Account.emailKey(email == null ? "" : email), limits.attemptsPerEmail());
        }
        if (seconds == 0) {
            chain.doFilter(request, response);
            return;
        }
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
}
