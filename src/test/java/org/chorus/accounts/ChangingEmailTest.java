package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class ChangingEmailTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SigningUp signingUp;

    @Autowired
    ChangingEmail changingEmail;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "in {0}")
    @CsvSource({
        "en, ltr, Confirm your new email address for Test Coalition, because someone asked to use this address,"
                + " Your email address on Test Coalition is being changed, Your email address on Test Coalition was changed,"
                + " because it is the address of your account at Test Coalition, Your email address has been changed",
        "ar, rtl, أكّد عنوان بريدك الإلكتروني الجديد على Test Coalition, لأن شخصًا ما طلب استخدام هذا العنوان,"
                + " يجري تغيير عنوان بريدك الإلكتروني على Test Coalition, تم تغيير عنوان بريدك الإلكتروني على Test Coalition,"
                + " لأنه عنوان حسابك على Test Coalition, تم تغيير عنوان بريدك الإلكتروني"
    })
    void a_person_moves_their_account_to_a_new_address_by_the_link_sent_there(
            String language,
            String direction,
            String confirmSubject,
            String confirmReason,
            String noticeSubject,
            String doneSubject,
            String noticeReason,
            String donePage)
            throws Exception {
        var old = Fixtures.uniqueEmail("old-" + language);
        var person = fixtures.user(signingUp.createActive(
                old, "Noor Mover", Fixtures.PASSWORD, Language.byTag(language).orElseThrow(), false));
        var fresh = Fixtures.uniqueEmail("new-" + language);

        mvc.perform(post("/account/email")
                        .with(user(person))
                        .with(csrf())
                        .param("newEmail", fresh)
                        .param("emailPassword", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account"));

        var confirmation = TestMail.awaitOne(fresh);
        assertThat(confirmation.getSubject()).isEqualTo(confirmSubject);
        assertThat(Html.select(ReceivedMail.html(confirmation), "html[dir=" + direction + "]"))
                .isNotEmpty();
        assertThat(ReceivedMail.text(confirmation)).contains("Noor Mover").contains(confirmReason);

        var notice = TestMail.awaitOne(old);
        assertThat(notice.getSubject()).isEqualTo(noticeSubject);
        assertThat(Html.select(ReceivedMail.html(notice), "html[dir=" + direction + "]"))
                .isNotEmpty();
        assertThat(ReceivedMail.text(notice))
                .contains("n***@example.org")
                .doesNotContain(fresh)
                .contains(noticeReason);

        mvc.perform(post("/login").with(csrf()).param("email", fresh).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(directory.find(person.id()).orElseThrow().email())
                .as("nothing changes before the link is followed")
                .isEqualTo(old);

        var link = ReceivedMail.linkPath(confirmation, "/email-change/");
        // a mail scanner opening the link changes nothing: the page's button does
        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(Html.has("form[method=post][action=" + link + "] button"));
        assertThat(directory.find(person.id()).orElseThrow().email()).isEqualTo(old);
        mvc.perform(post(link).with(csrf()).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(donePage)))
                .andExpect(content().string(Matchers.containsString(fresh)));

        var done = TestMail.await(old, 2).getLast();
        assertThat(done.getSubject()).isEqualTo(doneSubject);
        assertThat(Html.select(ReceivedMail.html(done), "html[dir=" + direction + "]"))
                .isNotEmpty();
        assertThat(ReceivedMail.text(done)).contains("n***@example.org").contains(noticeReason);

        assertThat(directory.find(person.id()).orElseThrow().email()).isEqualTo(fresh);
        mvc.perform(post("/login").with(csrf()).param("email", fresh).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("email", old).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post(link).with(csrf()).header("Accept-Language", language))
                .andExpect(content().string(Matchers.containsString(donePage)));
        assertThat(TestMail.to(old))
                .as("following the link again sends nothing more")
                .hasSize(2);
    }

    @Test
    void a_change_needs_the_current_password_and_sends_nothing_without_it() throws Exception {
        var person = fixtures.person("careful");
        var fresh = Fixtures.uniqueEmail("never");
        mvc.perform(post("/account/email")
                        .with(user(person))
                        .with(csrf())
                        .param("newEmail", fresh)
                        .param("emailPassword", "not the password"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#emailPassword-error"));
        assertThat(TestMail.everDeliveredTo(fresh)).isFalse();
    }

    @Test
    void a_taken_address_is_answered_exactly_like_a_new_one_and_only_its_owner_hears_of_it() throws Exception {
        var person = fixtures.person("prober");
        var owner = fixtures.user(signingUp.createActive(
                Fixtures.uniqueEmail("taken"), "Tomás Taken", Fixtures.PASSWORD, Language.SPANISH, false));
        var fresh = Fixtures.uniqueEmail("unknown");

        var toUnknown = changeAndShow(person, fresh);
        var toTaken = changeAndShow(person, owner.email().toUpperCase());
        assertThat(toTaken).isEqualTo(toUnknown);

        var tried = TestMail.awaitOne(owner.email());
        assertThat(tried.getSubject()).isEqualTo("Alguien intentó usar su dirección en Test Coalition");
        assertThat(ReceivedMail.text(tried)).contains("Tomás Taken").doesNotContain("/email-change/");
        assertThat(TestMail.await(person.email(), 2))
                .as("the mover's own address is told the same both times")
                .extracting(m -> m.getSubject())
                .containsOnly("Your email address on Test Coalition is being changed");
        assertThat(directory.find(owner.id()).orElseThrow().email()).isEqualTo(owner.email());
        assertThat(directory.find(person.id()).orElseThrow().email()).isEqualTo(person.email());
    }

    @Test
    void requests_to_change_address_are_limited_per_account_with_the_time_to_wait_in_the_persons_language()
            throws Exception {
        var person = fixtures.person("impatient");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/account/email")
                            .with(user(person))
                            .with(csrf())
                            .param("newEmail", Fixtures.uniqueEmail("probe"))
                            .param("emailPassword", "guess " + i))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/account/email")
                        .with(user(person))
                        .with(csrf())
                        .header("Accept-Language", "es")
                        .param("newEmail", Fixtures.uniqueEmail("probe"))
                        .param("emailPassword", Fixtures.PASSWORD))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(Matchers.containsString("Demasiadas solicitudes para cambiar")));
    }

    /** The answer to a request, then the page it leads to, without the per-page CSRF token. */
    private List<String> changeAndShow(org.chorus.accounts.ChorusUser person, String address) throws Exception {
        var answer = mvc.perform(post("/account/email")
                        .with(user(person))
                        .with(csrf())
                        .param("newEmail", address)
                        .param("emailPassword", Fixtures.PASSWORD))
                .andReturn();
        var page = mvc.perform(get(answer.getResponse().getRedirectedUrl())
                        .with(user(person))
                        .flashAttrs(answer.getFlashMap()))
                .andReturn()
                .getResponse();
        return List.of(
                Integer.toString(answer.getResponse().getStatus()),
                String.valueOf(answer.getResponse().getRedirectedUrl()),
                answer.getResponse().getContentAsString(),
                answer.getFlashMap().toString(),
                Integer.toString(page.getStatus()),
                page.getContentAsString().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""));
    }

    @Test
    void only_the_latest_request_can_complete_and_the_new_address_is_not_stored_in_the_clear() throws Exception {
        var person = fixtures.person("twice");
        var first = Fixtures.uniqueEmail("first");
        var second = Fixtures.uniqueEmail("second");
        changingEmail.request(person.id(), first, Fixtures.PASSWORD);
        changingEmail.request(person.id(), second, Fixtures.PASSWORD);

        var rows = jdbc.sql("select row_to_json(c)::text from address_confirmations c where account_id = :id")
                .param("id", person.id().value())
                .query(String.class)
                .list();
        assertThat(String.join(" ", rows)).doesNotContain(first).doesNotContain(second);

        mvc.perform(post(ReceivedMail.linkPath(TestMail.awaitOne(first), "/email-change/"))
                        .with(csrf()))
                .andExpect(content().string(Matchers.containsString("no longer valid")));
        mvc.perform(post(ReceivedMail.linkPath(TestMail.awaitOne(second), "/email-change/"))
                        .with(csrf()))
                .andExpect(content().string(Matchers.containsString("Your email address has been changed")));
        assertThat(directory.find(person.id()).orElseThrow().email()).isEqualTo(second);
    }

    @Test
    void the_profile_shows_the_current_address_and_the_form_to_change_it() throws Exception {
        var person = fixtures.person("shown");
        mvc.perform(get("/account").with(user(person)))
                .andExpect(content().string(Matchers.containsString(person.email())))
                .andExpect(Html.has("form[action=/account/email]"));
    }

    @Test
    void the_old_address_is_masked_to_its_first_letter_and_domain() {
        assertThat(AccountLetters.mask("nadia@example.org")).isEqualTo("n***@example.org");
        assertThat(AccountLetters.mask("ليلى@example.org")).isEqualTo("ل***@example.org");
    }
}
