package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class ResettingPasswordsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResettingPasswords resetting;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SigningUp signingUp;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_admin_command_line_still_gets_the_link_and_the_person_gets_it_by_email_too() throws Exception {
        var person = fixtures.person("cli-reset");
        var link = resetting.requestLink(person.email()).orElseThrow();
        assertThat(ReceivedMail.linkPath(TestMail.awaitOne(person.email()), "/password/reset/"))
                .as("the letter's link also names its language")
                .isEqualTo(link.substring(link.indexOf("/password/reset/")) + "?lang=en");
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource({
        "en, Choose a new password for Test Coalition, ltr, because a new password was requested at Test Coalition",
        "ar, اختر كلمة مرور جديدة على Test Coalition, rtl, لأن كلمة مرور جديدة طُلبت على Test Coalition"
    })
    void the_emailed_reset_link_sets_a_new_password_once(
            String language, String subject, String direction, String reason) throws Exception {
        var email = Fixtures.uniqueEmail("reset-" + language);
        var person = fixtures.user(signingUp.createActive(
                email, "Rita Reset", Fixtures.PASSWORD, Language.byTag(language).orElseThrow(), false));
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email.toUpperCase()))
                .andExpect(status().isOk());

        var letter = TestMail.awaitOne(email);
        assertThat(letter.getSubject()).isEqualTo(subject);
        var html = Html.parse(ReceivedMail.html(letter));
        assertThat(html.select("html[dir=" + direction + "]")).isNotEmpty();
        assertThat(html.text()).contains("Rita Reset");
        assertThat(ReceivedMail.text(letter)).contains(reason);
        var path = ReceivedMail.linkPath(letter, "/password/reset/");

        mvc.perform(get(path)).andExpect(status().isOk()).andExpect(Html.has("input[name=password]"));
        mvc.perform(post(path).with(csrf()).param("password", "a brand new secret"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("email", person.email()).param("password", "a brand new secret"))
                .andExpect(redirectedUrl("/"));

        // without the letter's ?lang=, in English
        mvc.perform(post(path.replaceFirst("\\?lang=[a-z]+$", "")).with(csrf()).param("password", "yet another secret"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("no longer valid")));
    }

    @Test
    void asking_for_a_link_says_the_same_whether_or_not_the_address_has_an_account() throws Exception {
        var known = fixtures.person("known").email();
        var knownAnswer = mvc.perform(post("/password/forgot").with(csrf()).param("email", known))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var unknownAnswer = mvc.perform(post("/password/forgot").with(csrf()).param("email", "nobody@example.org"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(strip(knownAnswer, known)).isEqualTo(strip(unknownAnswer, "nobody@example.org"));
    }

    @Test
    void an_expired_or_made_up_link_is_refused() throws Exception {
        mvc.perform(get("/password/reset/made-up-token"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("no longer valid")));
    }

    private static String strip(String page, String email) {
        var html = Html.parse(page);
        html.select("input[name=_csrf]").remove();
        return html.html().replace(email, "");
    }

    @Test
    void a_flood_of_requests_sends_three_letters_an_hour_and_only_the_newest_link_works() throws Exception {
        var person = fixtures.person("flooded");
        String first = null;
        String last = null;
        for (int i = 0; i < 10; i++) {
            var link = resetting.requestLink(person.email());
            if (i < ResettingPasswords.LETTERS_PER_HOUR) {
                assertThat(link).as("request %d", i + 1).isPresent();
                first = first == null ? link.get() : first;
                last = link.get();
            } else {
                assertThat(link).as("request %d sends nothing", i + 1).isEmpty();
            }
        }
        assertThat(jdbc.sql("select count(*) from password_resets where account_id = :id")
                        .param("id", person.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(ResettingPasswords.LETTERS_PER_HOUR);
        assertThat(resetting.linkUsable(first.substring(first.lastIndexOf('/') + 1)))
                .as("an earlier link is replaced")
                .isFalse();
        assertThat(resetting.linkUsable(last.substring(last.lastIndexOf('/') + 1)))
                .isTrue();
        // the page answers alike whether the hour's letters are spent or not
        mvc.perform(post("/password/forgot").with(csrf()).param("email", person.email()))
                .andExpect(status().isOk())
                .andExpect(Html.has(".notice"));
    }

    @Test
    void one_network_asking_for_links_for_many_addresses_is_slowed_down() throws Exception {
        // PasswordResetController.REQUESTS_PER_NETWORK: 30 an hour from one /24
        for (int i = 0; i < 30; i++) {
            mvc.perform(post("/password/forgot")
                            .with(csrf())
                            .with(from("203.0.113." + (i % 200 + 1)))
                            .param("email", Fixtures.uniqueEmail("nobody")))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/password/forgot")
                        .with(csrf())
                        .with(from("203.0.113.250"))
                        .param("email", Fixtures.uniqueEmail("nobody")))
                .andExpect(status().isTooManyRequests())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .exists("Retry-After"))
                .andExpect(content().string(Matchers.containsString("came from your network")));
        mvc.perform(post("/password/forgot")
                        .with(csrf())
                        .with(from("198.51.100.1"))
                        .param("email", Fixtures.uniqueEmail("nobody")))
                .andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
