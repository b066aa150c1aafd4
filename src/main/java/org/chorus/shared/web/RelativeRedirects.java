package org.chorus.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A redirect never sends the browser to the host its request named: an absolute {@code Location} whose host is the
 * request's own (the {@code Host} header, which anyone can set) is sent as a path instead, so the browser stays on
 * the address it used. Spring Security builds such addresses from the request (the sign-in page for a person not
 * signed in, the page asked for before signing in); Tomcat is told to keep paths as they are
 * ({@code server.tomcat.use-relative-redirects}). Links that leave the site (letters) use {@code chorus.base-url}.
 */
@Configuration
public class RelativeRedirects {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> relativeRedirectsFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Relativizing());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** The location as a path when it names the request's own host, else as it is. */
    static String relative(String location, HttpServletRequest request) {
        if (location == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(location.strip());
        } catch (IllegalArgumentException notAnAddress) {
            return location;
        }
        if (uri.getRawAuthority() == null || !request.getServerName().equalsIgnoreCase(uri.getHost())) {
            return location;
        }
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        // "//evil.example" as a path would be another host again
        path = "/" + path.replaceFirst("^/+", "");
        return path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    static final class Relativizing extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, new Relative(response, request));
        }
    }

    static final class Relative extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        Relative(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(relative(location, request));
        }

        @Override
        public void sendRedirect(String location, boolean clearBuffer) throws IOException {
            super.sendRedirect(relative(location, request), clearBuffer);
        }

        @Override
        public void sendRedirect(String location, int status) throws IOException {
            super.sendRedirect(relative(location, request), status);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            super.sendRedirect(relative(location, request), status, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Location".equalsIgnoreCase(name) ? relative(value, request) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Location".equalsIgnoreCase(name) ? relative(value, request) : value);
        }
    }
}
