package org.chorus.shared.web;

import java.io.IOException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.chorus.shared.i18n.Language;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.util.HtmlUtils;

/**
 * The answers Tomcat gives itself, before Chorus sees the request (a request line or header it cannot parse,
 * {@code /s/..%2f..}, a header over the size limit): a short page in the visitor's language (from Accept-Language)
 * with the same security headers as every page, and nothing about the server (no version, no exception, no stack).
 * It takes the place of Tomcat's {@link ErrorReportValve}, which Spring Boot sets up without the report.
 */
@Configuration
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers((TomcatContextCustomizer) context -> {
            var pipeline = context.getParent().getPipeline();
            for (var valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new Report());
            // the host adds a valve of this class when it starts unless it has one: this one, not Tomcat's
            ((StandardHost) context.getParent()).setErrorReportValveClass(Report.class.getName());
        });
    }

    /** After Spring Boot's own customizer, which adds the valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes the short page; only when nothing else wrote an answer. */
    public static final class Report extends ErrorReportValve {

        public Report() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            var path = request.getCoyoteRequest().requestURI().toString();
            SecurityHeaders.forPath(path).forEach(response::setHeader);
            var language = language(request.getHeader("Accept-Language"));
            var title = text(language, ErrorPage.titleKey(status));
            var message = text(language, ErrorPage.messageKey(status));
            var page = "<!doctype html>\n<html lang=\"" + language.tag() + "\" dir=\""
                    + (language.tag().equals("ar") ? "rtl" : "ltr") + "\">\n<head><meta charset=\"utf-8\"><title>"
                    + HtmlUtils.htmlEscape(title, "UTF-8") + "</title></head>\n<body>\n<h1>"
                    + HtmlUtils.htmlEscape(title, "UTF-8")
                    + "</h1>\n<p>" + HtmlUtils.htmlEscape(message, "UTF-8") + "</p>\n<p><a href=\"/\">"
                    + HtmlUtils.htmlEscape(text(language, "error.home"), "UTF-8") + "</a></p>\n</body>\n</html>\n";
            try {
                response.setContentType("text/html;charset=UTF-8");
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(page);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException closed) {
                // the connection is gone: nothing more to say
            }
        }

        private static Language language(String acceptLanguage) {
            if (acceptLanguage != null) {
                try {
                    for (var range : Locale.LanguageRange.parse(acceptLanguage)) {
                        var match = Language.byTag(range.getRange());
                        if (match.isPresent() && range.getWeight() > 0) {
                            return match.get();
                        }
                    }
                } catch (IllegalArgumentException malformed) {
                    // the default language
                }
            }
            return Language.DEFAULT;
        }

        private static String text(Language language, String key) {
            try {
                return ResourceBundle.getBundle("messages/shared", language.locale())
                        .getString(key);
            } catch (MissingResourceException missing) {
                return key;
            }
        }
    }
}
