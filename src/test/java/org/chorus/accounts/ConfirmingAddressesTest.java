package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class ConfirmingAddressesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SigningUp signingUp;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @ParameterizedTest(name = "in {0}")
    @CsvSource({
        "en, Confirm your email address for Test Coalition, Confirm my address, ltr, because someone signed up at Test Coalition,"
                + " Your address is confirmed",
        "ar, أكّد عنوان بريدك الإلكتروني على Test Coalition, تأكيد عنواني, rtl, لأن شخصًا ما أنشأ حسابًا على Test Coalition,"
                + " تم تأكيد عنوانك"
    })
    void a_visitor_confirms_the_address_by_the_emailed_link_and_can_then_sign_in(
            String language, String subject, String button, String direction, String reason, String confirmed)
            throws Exception {
        var email = Fixtures.uniqueEmail("confirm-" + language);
        mvc.perform(post("/signup")
                        .with(csrf())
                        .header("Accept-Language", language)
                        .param("email", email)
                        .param("displayName", "Nadia Newcomer")
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/signup/done"));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?inactive"));

        var letter = TestMail.awaitOne(email);
        assertThat(letter.getSubject()).isEqualTo(subject);
        var html = Html.parse(ReceivedMail.html(letter));
        assertThat(html.select("html[dir=" + direction + "]")).isNotEmpty();
        assertThat(html.select("a:containsOwn(" + button + ")")).isNotEmpty();
        assertThat(html.text()).contains("Nadia Newcomer");
        assertThat(ReceivedMail.text(letter)).contains(reason);

        var link = ReceivedMail.linkPath(letter, "/signup/confirm/");
        mvc.perform(post(link).with(csrf()).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(confirmed)))
                .andExpect(Html.has("a[href=/login]"));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post(link).with(csrf()).header("Accept-Language", language))
                .andExpect(content().string(Matchers.containsString(confirmed)));
    }

    @Test
    void opening_the_link_shows_a_button_and_only_pressing_it_activates_the_account() throws Exception {
        var email = Fixtures.uniqueEmail("scanned");
        signingUp.signUp(email, "Scanned Letter", Fixtures.PASSWORD, Language.ENGLISH);
        var link = ReceivedMail.linkPath(TestMail.awaitOne(email), "/signup/confirm/");
        // a mail scanner opens the link
        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(Html.has("form[method=post][action=" + link + "] button"));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?inactive"));
        mvc.perform(post(link).with(csrf()))
                .andExpect(content().string(Matchers.containsString("Your address is confirmed")));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void the_page_after_signing_up_says_to_look_in_the_inbox() throws Exception {
        mvc.perform(get("/signup/done"))
                .andExpect(content().string(Matchers.containsString("We sent a link to your email address")))
                .andExpect(Html.has("a[href=/signup/resend]"));
    }

    @Test
    void a_link_older_than_48_hours_no_longer_activates_but_a_new_one_can_be_asked_for() throws Exception {
        var email = Fixtures.uniqueEmail("late");
        signingUp.signUp(email, "Late Comer", Fixtures.PASSWORD, Language.ENGLISH);
        var old = ReceivedMail.linkPath(TestMail.awaitOne(email), "/signup/confirm/");
        clock.advance(Duration.ofHours(49));
        mvc.perform(post(old).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("no longer valid")));

        mvc.perform(post("/signup/resend").with(csrf()).param("email", email))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("a new link is on its way")));
        var fresh = ReceivedMail.linkPath(TestMail.await(email, 2).getLast(), "/signup/confirm/");
        assertThat(fresh).isNotEqualTo(old);
        mvc.perform(post(fresh).with(csrf()))
                .andExpect(content().string(Matchers.containsString("Your address is confirmed")));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void asking_for_a_new_link_says_the_same_whether_or_not_an_account_waits_with_the_address() throws Exception {
        var waiting = Fixtures.uniqueEmail("waiting");
        signingUp.signUp(waiting, "Waiting", Fixtures.PASSWORD, Language.ENGLISH);
        var active = fixtures.person("active").email();
        var unknown = Fixtures.uniqueEmail("unknown");
        var answers = new java.util.ArrayList<String>();
        for (var email : java.util.List.of(waiting, active, unknown)) {
            var page =
                    Html.parse(mvc.perform(post("/signup/resend").with(csrf()).param("email", email))
                            .andReturn());
            page.select("input[name=_csrf]").remove();
            answers.add(page.html().replace(email, ""));
        }
        assertThat(answers).containsOnly(answers.getFirst());
        assertThat(TestMail.await(waiting, 2)).hasSize(2);
        assertThat(TestMail.everDeliveredTo(active)).isFalse();
        assertThat(TestMail.everDeliveredTo(unknown)).isFalse();
    }

    @Test
    void an_address_gets_at_most_three_new_links_an_hour() {
        var email = Fixtures.uniqueEmail("eager");
        signingUp.signUp(email, "Eager", Fixtures.PASSWORD, Language.ENGLISH);
        for (int i = 0; i < SigningUp.RESENDS_PER_HOUR; i++) {
            assertThat(signingUp.resendConfirmation(email)).isTrue();
        }
        assertThat(signingUp.resendConfirmation(email.toUpperCase())).isFalse();
        assertThat(TestMail.await(email, 1 + SigningUp.RESENDS_PER_HOUR)).hasSize(1 + SigningUp.RESENDS_PER_HOUR);
    }

    @Test
    void the_sign_in_page_offers_a_new_link_to_someone_whose_account_waits() throws Exception {
        mvc.perform(get("/login?inactive"))
                .andExpect(content().string(Matchers.containsString("Open the link we sent")))
                .andExpect(Html.has("a[href=/signup/resend]"));
    }
}
