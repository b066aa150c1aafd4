package org.chorus.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.RateLimits;
import org.chorus.shared.SecretToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * What every API request goes through before anything else: a limit per token (or, without one, per network prefix),
 * said on each answer with {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (the
 * IETF draft's fields) and enforced with 429, {@code Retry-After} and a Problem in the caller's language; and an
 * {@code ETag} on every read, so a client asking again with {@code If-None-Match} gets 304 and no body (a handler that
 * gives its resource's version as ETag keeps it).
 */
@Configuration
class ApiLimits {

    static final Duration WINDOW = Duration.ofMinutes(1);

    @Bean
    FilterRegistrationBean<RateLimit> apiRateLimit(
            UiAdvice uiAdvice,
            @Value("${chorus.api.per-token-per-minute:600}") int perToken,
            @Value("${chorus.api.per-network-per-minute:300}") int perNetwork) {
        var filter = new RateLimit(uiAdvice, perToken, perNetwork);
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        // before Spring Security's filters (-100): a flood of bad tokens is limited too
        registration.setOrder(-200);
        registration.setName("apiRateLimit");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/*", "/api/osdi/*");
        registration.setName("apiEtags");
        return registration;
    }

    /** The limit itself: a token's allowance, or a network's without one. */
    static final class RateLimit extends OncePerRequestFilter {

        private final RateLimits limits = new RateLimits(WINDOW, 50_000);
        private final UiAdvice uiAdvice;
        private final int perToken;
        private final int perNetwork;

        RateLimit(UiAdvice uiAdvice, int perToken, int perNetwork) {
            this.uiAdvice = uiAdvice;
            this.perToken = perToken;
            this.perNetwork = perNetwork;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var token = ApiCredentials.token(request);
            var byToken = token != null;
            var allowed = byToken ? perToken : perNetwork;
            var key = byToken
                    ? "token:" + SecretToken.hash(token)
                    : "network:" + NetworkPrefix.hash(request.getRemoteAddr());
            var taken = limits.taken(key, allowed);
            response.setHeader("RateLimit-Limit", Integer.toString(allowed));
            response.setHeader("RateLimit-Remaining", Long.toString(taken.remaining()));
            // the allowance refills evenly over the window: the seconds until it is whole again
            var reset = taken.allowed()
                    ? (long) Math.ceil((allowed - taken.remaining()) * WINDOW.toSeconds() / (double) allowed)
                    : taken.waitSeconds();
            response.setHeader("RateLimit-Reset", Long.toString(reset));
            if (!taken.allowed()) {
                var ui = uiAdvice.uiFor(request);
                response.setHeader("Retry-After", Long.toString(taken.waitSeconds()));
                ProblemResponses.write(
                        response,
                        429,
                        ui.t("error.429.title"),
                        ui.t("api.rate-limited", taken.waitSeconds()),
                        request.getRequestURI());
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
