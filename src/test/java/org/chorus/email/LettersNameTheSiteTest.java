package org.chorus.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import org.chorus.accounts.SigningUp;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Letters name the site, not its host; /dev/mail shows headers as people read them; links keep the letter's language. */
@ChorusWebTest
class LettersNameTheSiteTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MimeLetters letters;

    @Autowired
    SiteName siteName;

    @Autowired
    SigningUp signingUp;

    @Autowired
    Clock clock;

    @Test
    void a_letter_names_the_site_in_its_sender_subject_layout_and_footer_never_localhost() throws Exception {
        var address = Fixtures.uniqueEmail("named");
        signingUp.signUp(address, "Nour", Fixtures.PASSWORD, Language.ENGLISH);
        var letter = TestMail.awaitOne(address);
        var name = siteName.name();

        assertThat(name).isEqualTo("Test Coalition");
        // CHORUS_SMTP_FROM of the tests has a display name of its own ("Chorus Test"), which is kept
        assertThat(((InternetAddress) letter.getFrom()[0]).getPersonal()).doesNotContain("localhost");
        assertThat(letter.getSubject()).contains(name).doesNotContain("localhost");
        var html = Html.parse(ReceivedMail.html(letter));
        assertThat(html.select("body > div > p").first().text()).isEqualTo(name);
        assertThat(html.select("body > div > p").last().text()).startsWith("Sent by " + name + " ·");
        assertThat(ReceivedMail.text(letter))
                .contains("Sent by " + name)
                .doesNotContain("on localhost")
                .doesNotContain("by localhost");
    }

    @Test
    void the_dev_mailbox_shows_encoded_headers_decoded() throws Exception {
        var box = new DevMailbox(clock);
        var letter = new Letter(
                "test.dev",
                Language.FRENCH,
                "Confirmez votre adresse « élan »",
                List.of(new LetterBlock.Paragraph("Bonjour")),
                "Parce que.");
        try (var connection = box.open()) {
            connection.send(
                    letters.build(
                            letter,
                            new Mail.Recipient("zoe@example.org", "Zoë Ürban-Nuñez", null, null),
                            "<2@localhost>"),
                    () -> {});
        }
        var captured = box.newestFirst().getFirst();
        assertThat(captured.to()).isEqualTo("Zoë Ürban-Nuñez <zoe@example.org>");
        assertThat(captured.subject()).isEqualTo("Confirmez votre adresse « élan »");
        assertThat(captured.from()).doesNotContain("=?");
        assertThat(captured.source()).contains("=?UTF-8?");
    }

    @Test
    void a_confirmation_link_opens_its_page_in_the_letters_language_without_a_cookie() throws Exception {
        var address = Fixtures.uniqueEmail("francophone");
        signingUp.signUp(address, "Élise", Fixtures.PASSWORD, Language.FRENCH);
        var path = ReceivedMail.linkPath(TestMail.awaitOne(address), "/signup/confirm/");
        assertThat(path).endsWith("?lang=fr");

        var page = Html.parse(mvc.perform(get(path).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        var action = page.select("main form[method=post]").attr("action");
        assertThat(action).contains("lang=fr");

        var confirmed = Html.parse(
                mvc.perform(post(action).header("Accept-Language", "en").with(csrf()))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(confirmed.select("html").attr("lang")).isEqualTo("fr");
    }

    @Test
    void links_to_other_sites_and_links_that_name_a_language_are_left_alone() {
        var base = "http://localhost";
        assertThat(LetterView.withLanguage("https://example.org/a", base, "ar")).isEqualTo("https://example.org/a");
        assertThat(LetterView.withLanguage("http://localhost.evil/a", base, "ar"))
                .isEqualTo("http://localhost.evil/a");
        assertThat(LetterView.withLanguage(base + "/a?lang=fr", base, "ar")).isEqualTo(base + "/a?lang=fr");
        assertThat(LetterView.withLanguage(base + "/a?x=1#top", base, "ar")).isEqualTo(base + "/a?x=1&lang=ar#top");
    }
}
