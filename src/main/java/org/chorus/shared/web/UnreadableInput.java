package org.chorus.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any filter or handler reads them, a path or parameters no person types: a control character other
 * than tab, line feed and carriage return (a NUL byte, which PostgreSQL cannot store in text), bytes that are not
 * UTF-8, and a form or upload over its size limit (2 MB for forms, the multipart limit for uploads). The answer is 400
 * or 413 with the translated error page, or Problem Details on the API, and one line in the log at debug level: a
 * client's mistake, not a failure of Chorus. Done here, once, rather than in each use case: every parameter of every
 * endpoint is covered, including those added later (docs/decisions/0015-refusing-unreadable-input.md).
 */
@Configuration
public class UnreadableInput {

    /** The request attribute that tells the error page which refusal to explain. */
    static final String REFUSAL = UnreadableInput.class.getName() + ".refusal";

    private static final Logger log = LoggerFactory.getLogger(UnreadableInput.class);

    /** Why a request was refused: its status and the message (with its arguments) the error page shows. */
    record Refusal(int status, String messageKey, Object... arguments) {}

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unreadableInputFilter(
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit) {
        var registration =
                new FilterRegistrationBean<OncePerRequestFilter>(new Refusing(formLimit.toMegabytes(), uploadLimit));
        // first, with the paths' own check: before the page cache, the language and Spring Security read a parameter
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Whether the text holds a control character: C0 (but tab, line feed and carriage return when allowed) or DEL. */
    public static boolean hasControlCharacter(CharSequence text, boolean lineBreaksAndTabs) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(lineBreaksAndTabs && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /** The path decoded, or null when its percent escapes are not UTF-8. */
    static String decodedPath(String rawPath) {
        var bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length()) {
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    bytes.write(high * 16 + low);
                    i += 2;
                    continue;
                }
            }
            bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    static final class Refusing extends OncePerRequestFilter {

        private final long formMegabytes;
        private final DataSize uploadLimit;

        Refusing(long formMegabytes, DataSize uploadLimit) {
            this.formMegabytes = formMegabytes;
            this.uploadLimit = uploadLimit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // forms are read as UTF-8 whatever they declare, as Spring Boot's encoding filter would have set
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var refusal = refusal(request);
            if (refusal == null) {
                chain.doFilter(request, response);
                return;
            }
            log.debug(
                    "Refused {} {}: {}",
                    request.getMethod(),
                    abbreviated(request.getRequestURI()),
                    refusal.messageKey());
            refuse(request, response, refusal);
        }

        private Refusal refusal(HttpServletRequest request) {
            var path = decodedPath(request.getRequestURI());
            if (path == null) {
                return new Refusal(400, "error.400.not-utf8");
            }
            if (hasControlCharacter(path, false)) {
                return new Refusal(400, "error.400.control-character");
            }
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (IllegalStateException unreadable) {
                return unreadable(request, unreadable);
            }
            for (var parameter : parameters.entrySet()) {
                if (hasControlCharacter(parameter.getKey(), false)) {
                    return new Refusal(400, "error.400.control-character");
                }
                for (var value : parameter.getValue()) {
                    if (value != null && hasControlCharacter(value, true)) {
                        return new Refusal(400, "error.400.control-character");
                    }
                }
            }
            return null;
        }

        /** What the container could not read: a body over its limit (413), else bytes that are not UTF-8 (400). */
        private Refusal unreadable(HttpServletRequest request, Throwable failure) {
            var multipart = request.getContentType() != null
                    && request.getContentType()
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith("multipart/");
            for (var cause = failure; cause != null; cause = cause.getCause()) {
                var tooLarge = cause instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413
                        || cause.getClass().getSimpleName().contains("SizeException");
                if (tooLarge) {
                    return multipart
                            ? new Refusal(413, "error.413.upload", uploadLimit.toMegabytes())
                            : new Refusal(413, "error.413.form", formMegabytes);
                }
            }
            return new Refusal(400, multipart ? "error.400.unreadable-upload" : "error.400.not-utf8");
        }

        /**
         * Forwards to the error page with the parameters hidden: the container would throw again at the first one
         * anything reads (the language's {@code ?lang=}), so its own error dispatch cannot be used. Spring Security's
         * filters do not run on a forward, so the security headers are written here.
         */
        private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
                throws ServletException, IOException {
            var hidden = new WithoutInput(request);
            hidden.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, refusal.status());
            hidden.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            hidden.setAttribute(REFUSAL, refusal);
            response.setStatus(refusal.status());
            if (refusal.status() == 413) {
                // what is left of the body is not read: the connection closes after the answer
                response.setHeader("Connection", "close");
            }
            SecurityHeaders.writeMissing(response, request.getRequestURI());
            request.getRequestDispatcher("/error").forward(hidden, response);
        }

        private static String abbreviated(String text) {
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }

    /** The request as the error page sees it: no parameters, no body, no query. */
    static final class WithoutInput extends HttpServletRequestWrapper {

        WithoutInput(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }
    }
}
