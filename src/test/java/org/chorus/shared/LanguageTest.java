package org.chorus.shared;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;

import jakarta.servlet.http.Cookie;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class LanguageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_interface_follows_the_browsers_preferred_shipped_language() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "de-DE, es;q=0.8, en;q=0.5"))
                .andExpect(Html.has("html[lang=es][dir=ltr]"))
                .andExpect(content().string(Matchers.containsString("Iniciar sesión")));
    }

    @Test
    void an_unknown_or_malformed_language_falls_back_to_english() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "x;;q=zzz")).andExpect(Html.has("html[lang=en]"));
        mvc.perform(get("/login?lang=klingon")).andExpect(Html.has("html[lang=en]"));
    }

    @Test
    void choosing_arabic_renders_right_to_left_and_is_remembered() throws Exception {
        mvc.perform(get("/login?lang=ar"))
                .andExpect(cookie().value("chorus_lang", "ar"))
                .andExpect(cookie().httpOnly("chorus_lang", true))
                .andExpect(cookie().sameSite("chorus_lang", "Lax"))
                .andExpect(Html.has("html[lang=ar][dir=rtl]"));
        mvc.perform(get("/login").cookie(new Cookie("chorus_lang", "ar")).header("Accept-Language", "fr"))
                .andExpect(Html.has("html[lang=ar][dir=rtl]"));
    }

    @Test
    void the_language_links_keep_the_page_and_its_other_parameters() throws Exception {
        mvc.perform(get("/login?error&lang=fr")).andExpect(Html.has("a[href='/login?error&lang=ar']"));
    }
}
