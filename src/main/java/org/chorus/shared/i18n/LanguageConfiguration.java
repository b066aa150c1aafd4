package org.chorus.shared.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The interface language: the one chosen with {@code ?lang=}, remembered in a cookie for a year; otherwise the best
 * shipped match for the browser's Accept-Language; otherwise English. The cookie is HttpOnly and SameSite=Lax, and
 * {@code Secure} exactly when the session cookie is ({@code server.servlet.session.cookie.secure}: on in production
 * unless {@code CHORUS_SECURE_COOKIES=false}, off in dev mode, which serves plain http on localhost).
 */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "chorus_lang";

    private final boolean secure;

    LanguageConfiguration(@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        this.secure = secure;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(
                        request,
                        response,
                        locale == null ? null : Language.of(locale).locale());
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSecure(secure);
        resolver.setRejectInvalidCookies(false);
        resolver.setDefaultLocaleFunction(LanguageConfiguration::fromBrowser);
        return resolver;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        var header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Language.DEFAULT.locale();
        }
        try {
            var ranges = Locale.LanguageRange.parse(header);
            for (var range : ranges) {
                var match = Language.byTag(range.getRange());
                if (match.isPresent() && range.getWeight() > 0) {
                    return match.get().locale();
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            // a malformed Accept-Language header is not the visitor's fault: fall back to the default
        }
        return Language.DEFAULT.locale();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
