package org.chorus.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (400) a path that is not in its one normal form: a letter, digit or {@code - . _ ~} spelled as a percent
 * escape ({@code /%6cogin}), path parameters ({@code ;jsessionid=…}, {@code ;a=b}), empty segments ({@code //}), dot
 * segments ({@code /./}, {@code /../}), and slashes or backslashes that are escaped or reversed ({@code %2f},
 * {@code \}). RFC 3986 (6.2.2) says these spell the same resource as the normal form, so no normalizing client sends
 * them; an attacker does, to reach an address by a spelling that rules written for its plain form (a rate limit on
 * {@code /login}, a cache key, a path in the security configuration) do not recognise. Runs before every other
 * filter, so none of them ever sees such a path.
 */
@Configuration
public class NormalizedPaths {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> normalizedPathsFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Refusing());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Whether the raw path holds a percent escape of an unreserved character. */
    public static boolean escapesUnreserved(String rawPath) {
        for (int i = rawPath.indexOf('%'); i >= 0 && i + 2 < rawPath.length(); i = rawPath.indexOf('%', i + 1)) {
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high >= 0 && low >= 0) {
                char c = (char) (high * 16 + low);
                if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the raw path has path parameters, empty or dot segments, or an escaped or reversed slash. */
    public static boolean hasOddSegments(String rawPath) {
        var lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        return lower.indexOf(';') >= 0
                || lower.indexOf('\\') >= 0
                || lower.contains("//")
                || lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("/./")
                || lower.contains("/../")
                || lower.endsWith("/.")
                || lower.endsWith("/..");
    }

    static final class Refusing extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var path = request.getRequestURI();
            if (escapesUnreserved(path) || hasOddSegments(path)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
