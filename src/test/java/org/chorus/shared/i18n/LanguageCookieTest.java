package org.chorus.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The language cookie's flags, as the production and dev configuration files set them. */
class LanguageCookieTest {

    @Test
    void in_production_the_language_cookie_is_secure_http_only_and_same_site_lax() throws IOException {
        var cookie = languageCookie(configured("prod", Map.of()));

        assertThat(cookie).contains("chorus_lang=fr", "Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void in_dev_mode_on_plain_http_the_language_cookie_is_http_only_and_same_site_lax_but_not_secure()
            throws IOException {
        var cookie = languageCookie(configured("dev", Map.of()));

        assertThat(cookie)
                .contains("chorus_lang=fr", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure");
    }

    @Test
    void an_operator_who_turns_secure_cookies_off_turns_them_off_for_the_language_too() throws IOException {
        var cookie = languageCookie(configured("prod", Map.of("CHORUS_SECURE_COOKIES", "false")));

        assertThat(cookie).contains("HttpOnly").doesNotContain("Secure");
    }

    private static String languageCookie(LanguageConfiguration configuration) {
        var response = new MockHttpServletResponse();
        configuration.localeResolver().setLocale(new MockHttpServletRequest(), response, Locale.FRENCH);
        return response.getHeader("Set-Cookie");
    }

    /** Built as Spring would from application.properties, the profile's file and the given environment only. */
    private static LanguageConfiguration configured(String profile, Map<String, Object> variables) throws IOException {
        var env = new StandardEnvironment();
        var sources = env.getPropertySources();
        sources.forEach(source -> sources.remove(source.getName()));
        sources.addLast(new MapPropertySource("variables", variables));
        sources.addLast(new PropertiesPropertySource(profile, load("application-" + profile)));
        sources.addLast(new PropertiesPropertySource("application", load("application")));
        return new LanguageConfiguration(env.getProperty("server.servlet.session.cookie.secure", Boolean.class, false));
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = LanguageCookieTest.class.getResourceAsStream("/" + name + ".properties")) {
            properties.load(in);
        }
        return properties;
    }
}
