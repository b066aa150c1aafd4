package org.chorus.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * An upload (a multipart form) larger than the container accepts is answered 413 with a translated page, before any
 * filter reads a parameter of it: otherwise the first one that does (the CSRF check) meets the container's size
 * error and the person gets a 500. A multipart body that cannot be read at all is answered 400 the same way. The
 * parts of every multipart request are read here, once, so a file too large is found whether or not the request
 * announced its length.
 */
@Configuration
class UploadLimits {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitsFilter(
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest,
            TemplateEngine templates,
            UiAdvice uiAdvice,
            LocaleResolver localeResolver) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(
                new Refusing(maxFile, maxRequest, templates, uiAdvice, localeResolver));
        // after the path check and the page cache, before Spring Security (whose CSRF check reads parameters)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class Refusing extends OncePerRequestFilter {

        private final DataSize maxFile;
        private final DataSize maxRequest;
        private final TemplateEngine templates;
        private final UiAdvice uiAdvice;
        private final LocaleResolver localeResolver;

        Refusing(
                DataSize maxFile,
                DataSize maxRequest,
                TemplateEngine templates,
                UiAdvice uiAdvice,
                LocaleResolver localeResolver) {
            this.maxFile = maxFile;
            this.maxRequest = maxRequest;
            this.templates = templates;
            this.uiAdvice = uiAdvice;
            this.localeResolver = localeResolver;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                chain.doFilter(request, response);
                return;
            }
            if (request.getContentLengthLong() > maxRequest.toBytes()) {
                refuse(request, response, 413);
                return;
            }
            try {
                request.getParts();
            } catch (IOException | ServletException | RuntimeException unreadable) {
                // too large, or not multipart at all (cut short, no boundary): the sender's mistake, never a 500
                refuse(request, response, tooLarge(unreadable) ? 413 : 400);
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean tooLarge(Throwable failure) {
            for (var cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SizeException) {
                    return true;
                }
            }
            return false;
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
            // the interface language as a page would resolve it (the language cookie, else the browser's)
            request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, localeResolver);
            var ui = uiAdvice.uiFor(request);
            var message = status == 413
                    ? ui.t("error.413.upload", maxFile.toMegabytes())
                    : ui.t(ErrorPage.messageKey(status));
            var page = new ErrorPage(status, ui.t(ErrorPage.titleKey(status)), message);
            var output = new Utf8ByteOutput();
            templates.render("shared/error.jte", Map.of("ui", ui, "error", page), output);
            response.setStatus(status);
            // the rest of the body is not read: the connection ends with this answer
            response.setHeader("Connection", "close");
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(output.getContentLength());
            output.writeTo(response.getOutputStream());
        }
    }
}
