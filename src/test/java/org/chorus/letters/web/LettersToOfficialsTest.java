package org.chorus.letters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.chorus.accounts.ChorusUser;
import org.chorus.campaigns.CampaignFixtures;
import org.chorus.letters.CountingLetters;
import org.chorus.letters.LetterFixtures;
import org.chorus.letters.SendingLetters;
import org.chorus.letters.Target;
import org.chorus.letters.Way;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Letters to officials: the organizers write the letter and keep its officials; a supporter sends it through Chorus
 * after confirming their address by a button, or from their own mail, and only counts remain.
 */
@ChorusWebTest
class LettersToOfficialsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignFixtures campaigns;

    @Autowired
    LetterFixtures letters;

    @Autowired
    CountingLetters counting;

    @Autowired
    SendingLetters sending;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    String slug;
    ChorusUser owner;
    LetterFixtures.Officials officials;

    @BeforeEach
    void a_campaign_with_a_letter() {
        var coalition = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        slug = campaigns
                .published(Actor.of(owner), coalition, Fixtures.unique("Debt"))
                .slug();
        officials = letters.letter(Actor.of(owner), slug);
    }

    /** The stamp of the cached country page, as a supporter sends it a few seconds after the page came. */
    String stampFilledIn() throws Exception {
        var page = mvc.perform(get("/c/" + slug + "/letter/ke"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        var stamp = Html.first(page.getResponse().getContentAsString(), "form input[name=stamp]")
                .val();
        clock.advance(Duration.ofSeconds(4));
        return stamp;
    }

    /** The letter's form as a supporter from a network of their own sends it, from this site's page. */
    MockHttpServletRequestBuilder send(String email, String stamp, Target... targets) {
        return send(email, stamp, "same-origin", targets);
    }

    MockHttpServletRequestBuilder send(String email, String stamp, String fetchSite, Target... targets) {
        var request = post("/c/" + slug + "/letter/ke/send")
                .with(r -> {
                    r.setRemoteAddr(LetterFixtures.network());
                    return r;
                })
                .header("Origin", "http://localhost")
                .header("Sec-Fetch-Site", fetchSite)
                .param("stamp", stamp)
                .param("homepage", "")
                .param("name", "Ama Owusu")
                .param("email", email)
                .param("subject", "A subject of my own")
                .param("core", "Forget the debt.")
                .param("opening", "Honourable Minister,")
                .param("closing", "With hope,");
        for (var target : targets) {
            request.param("targets", target.id().toString());
        }
        return request;
    }

    int count(String sql, Object value) {
        return jdbc.sql(sql).param("p", value).query(Integer.class).single();
    }

    int outreach(Target target, Way way) {
        return counting.outreach(target.campaign()).stream()
                .filter(o -> o.target().equals(target.id()) && o.way() == way)
                .mapToInt(CountingLetters.Outreach::letters)
                .sum();
    }

    @Test
    void the_campaign_page_links_the_letter_and_the_country_picker_works_without_script() throws Exception {
        var campaignPage = Html.parse(
                mvc.perform(get("/c/" + slug)).andExpect(status().isOk()).andReturn());
        assertThat(campaignPage.select("a[href=/c/" + slug + "/letter]")).isNotEmpty();
        var overview = Html.parse(mvc.perform(get("/c/" + slug + "/letter"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("public")))
                .andReturn());
        assertThat(overview.select("form[method=get] select[name=country] option")
                        .eachAttr("value"))
                .containsExactly("fr", "ke");
        mvc.perform(get("/c/" + slug + "/letter").param("country", "ke"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/c/" + slug + "/letter/ke"));
        var country = Html.parse(mvc.perform(get("/c/" + slug + "/letter/ke"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(country.select("input[name=targets]")).hasSize(3);
        assertThat(country.select("input[name=targets][checked]"))
                .as("all chosen at first")
                .hasSize(3);
        assertThat(country.select("input[name=_csrf]")).isEmpty();
        assertThat(country.select("input[name=subject]"))
                .as("the subject is locked")
                .isEmpty();
        assertThat(country.select("button[formaction=/c/" + slug + "/letter/ke/own]"))
                .hasSize(1);
        mvc.perform(get("/c/" + slug + "/letter/de")).andExpect(status().isNotFound());
    }

    @Test
    void a_supporter_confirms_by_a_button_and_each_official_gets_one_message_answered_to_the_supporter()
            throws Exception {
        var email = Fixtures.uniqueEmail("supporter");
        mvc.perform(send(email, stampFilledIn(), officials.minister(), officials.speaker(), officials.webForm()))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/c/" + slug + "/letter/ke/check-email"));
        var confirm = ReceivedMail.linkPath(TestMail.awaitOne(email), "/letters/confirm/");
        assertThat(TestMail.to(officials.minister().email()))
                .as("nothing goes before the button")
                .isEmpty();

        mvc.perform(get(confirm)).andExpect(status().isOk());
        assertThat(TestMail.to(officials.minister().email()))
                .as("opening the link sends nothing")
                .isEmpty();
        assertThat(count(
                        "select count(*) from letter_drafts where campaign_id = :p",
                        officials.minister().campaign().value()))
                .isEqualTo(1);

        var sent = Html.parse(mvc.perform(post(confirm).with(csrf()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(sent.select("h1").text()).isEqualTo("Your letter is on its way");
        assertThat(sent.select("a[href=" + officials.webForm().webForm() + "]"))
                .as("the official with a contact form is a link, with the text to copy")
                .hasSize(1);
        assertThat(sent.select("textarea#copy-body").text()).contains("We ask you to cancel the debt.");

        for (var official : List.of(officials.minister(), officials.speaker())) {
            var message = TestMail.awaitOne(official.email());
            assertThat(message.getSubject()).as("the locked subject").isEqualTo(LetterFixtures.SUBJECT);
            var replyTo = (InternetAddress) message.getReplyTo()[0];
            assertThat(replyTo.getAddress()).isEqualTo(email);
            assertThat(replyTo.getPersonal()).isEqualTo("Ama Owusu");
            assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isNotEqualTo(email);
            assertThat(ReceivedMail.text(message))
                    .contains("Honourable Minister,", "We ask you to cancel the debt.", "With hope,", "Ama Owusu")
                    .doesNotContain("Forget the debt.");
            assertThat(outreach(official, Way.CHORUS)).isEqualTo(1);
        }
        assertThat(outreach(officials.webForm(), Way.CHORUS)).isZero();
        assertThat(count(
                        "select count(*) from letter_drafts where campaign_id = :p",
                        officials.minister().campaign().value()))
                .as("the letter is not kept once sent")
                .isZero();
        mvc.perform(post(confirm).with(csrf())).andExpect(status().isNotFound());
        assertThat(TestMail.to(officials.minister().email())).hasSize(1);
    }

    @Test
    void an_official_gets_so_many_letters_an_hour_on_every_node_and_a_refused_letter_takes_nothing_from_the_others()
            throws Exception {
        // the speaker had all their letters this hour (counted in the database, so every node sees them)
        var hour = java.time.Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        jdbc.sql("insert into letter_target_hours (target_id, hour, letters) values (:t, :h, :n)")
                .param("t", officials.speaker().id().value())
                .param("h", java.sql.Timestamp.from(hour))
                .param("n", org.chorus.letters.LetterRateLimits.PER_TARGET)
                .update();
        var email = Fixtures.uniqueEmail("busy");
        var path = letters.confirmationPath(slug, "ke", email, List.of(officials.minister(), officials.speaker()));

        var refused = mvc.perform(post(path).with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andReturn();
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After")))
                .isBetween(1L, 3600L);
        assertThat(jdbc.sql("select letters from letter_target_hours where target_id = :t and hour = :h")
                        .param("t", officials.minister().id().value())
                        .param("h", java.sql.Timestamp.from(hour))
                        .query(Integer.class)
                        .single())
                .as("the minister's count is not taken by a letter that was not sent")
                .isZero();
        assertThat(outreach(officials.minister(), Way.CHORUS)).isZero();

        jdbc.sql("delete from letter_target_hours where target_id = :t")
                .param("t", officials.speaker().id().value())
                .update();
        mvc.perform(post(path).with(csrf())).andExpect(status().isOk());
        assertThat(outreach(officials.minister(), Way.CHORUS))
                .as("the same link works once the hour allows")
                .isOne();
    }

    @Test
    void one_letter_a_day_per_address_and_a_refused_form_says_why() throws Exception {
        var email = Fixtures.uniqueEmail("once");
        mvc.perform(post(letters.confirmationPath(slug, "ke", email, List.of(officials.minister())))
                        .with(csrf()))
                .andExpect(status().isOk());

        var again = Html.parse(mvc.perform(send(email.toUpperCase(), stampFilledIn(), officials.minister()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andReturn());
        assertThat(again.select("#form-error").text()).contains("already sent this letter today");

        var none = Html.parse(mvc.perform(send(Fixtures.uniqueEmail("none"), stampFilledIn()))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(none.select("#targets-error").text()).isEqualTo("Choose at least one official.");
        var onlyForm = Html.parse(mvc.perform(send(Fixtures.uniqueEmail("form"), stampFilledIn(), officials.webForm()))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(onlyForm.select("#targets-error").text()).contains("use your own mail");
        mvc.perform(send(Fixtures.uniqueEmail("stale"), "not-a-stamp", officials.minister()))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(send(Fixtures.uniqueEmail("cross"), stampFilledIn(), "cross-site", officials.minister()))
                .andExpect(status().isForbidden());
    }

    @Test
    void outside_its_window_the_letter_says_when_it_opens_and_sends_nothing() throws Exception {
        var stamp = stampFilledIn();
        var later = LocalDate.now(clock).plusDays(5);
        mvc.perform(post("/c/" + slug + "/manage/letter")
                        .with(user(owner))
                        .with(csrf())
                        .param("enabled", "true")
                        .param("opensOn", later.toString())
                        .param("closesOn", later.plusDays(3).toString())
                        .param("subjectLocked", "true")
                        .param("subject_en", LetterFixtures.SUBJECT)
                        .param("core_en", LetterFixtures.CORE))
                .andExpect(status().is3xxRedirection());
        var page = Html.parse(mvc.perform(get("/c/" + slug + "/letter/ke"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("form[method=post]")).isEmpty();
        assertThat(page.select("p.notice").text()).contains("can be sent from");
        var email = Fixtures.uniqueEmail("early");
        var refused = Html.parse(mvc.perform(send(email, stamp, officials.minister()))
                .andExpect(status().isConflict())
                .andReturn());
        assertThat(refused.select("#form-error").text()).contains("can be sent from " + later);
        assertThat(TestMail.everDeliveredTo(email)).isFalse();
    }

    @Test
    void from_their_own_mail_the_supporter_gets_compose_links_and_is_counted_only_when_they_say_they_sent_it()
            throws Exception {
        var own = Html.parse(mvc.perform(post("/c/" + slug + "/letter/ke/own")
                        .header("Sec-Fetch-Site", "same-origin")
                        .param("name", "Kofi")
                        .param("subject", "Mine")
                        .param("opening", "Dear all,")
                        .param("closing", "")
                        .param(
                                "targets",
                                officials.minister().id().toString(),
                                officials.webForm().id().toString()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn());
        assertThat(own.select("a#mailto").attr("href"))
                .startsWith("mailto:" + officials.minister().email()
                        + "?subject=Cancel%20the%20debt%20now&body=Dear%20all%2C%0D%0A");
        assertThat(own.select("a#gmail").attr("href")).startsWith("https://mail.google.com/mail/?view=cm&fs=1&to=");
        assertThat(own.select("a#outlook").attr("href")).startsWith("https://outlook.live.com/");
        assertThat(own.select("a[href=" + officials.webForm().webForm() + "]")).hasSize(1);
        assertThat(outreach(officials.minister(), Way.OWN_MAIL))
                .as("not counted yet")
                .isZero();

        var stamp = own.select("form input[name=stamp]").val();
        var targets = own.select("form input[name=targets]").eachAttr("value");
        clock.advance(Duration.ofSeconds(4));
        var said = post("/c/" + slug + "/letter/ke/sent")
                .with(r -> {
                    r.setRemoteAddr(LetterFixtures.network());
                    return r;
                })
                .header("Sec-Fetch-Site", "same-origin")
                .param("stamp", stamp)
                .param("targets", targets.toArray(String[]::new));
        mvc.perform(said).andExpect(status().isSeeOther()).andExpect(redirectedUrl("/c/" + slug + "/letter/ke/thanks"));
        assertThat(outreach(officials.minister(), Way.OWN_MAIL)).isEqualTo(1);
        assertThat(outreach(officials.webForm(), Way.OWN_MAIL)).isEqualTo(1);
        assertThat(outreach(officials.speaker(), Way.OWN_MAIL)).isZero();
        mvc.perform(get("/c/" + slug + "/letter/ke/thanks")).andExpect(status().isOk());
    }

    @Test
    void unconfirmed_letters_and_senders_addresses_are_deleted_on_schedule_and_the_counts_stay() throws Exception {
        var campaign = officials.minister().campaign().value();
        var sentEmail = Fixtures.uniqueEmail("sent");
        var sent = letters.confirmationPath(slug, "ke", sentEmail, List.of(officials.minister()));
        mvc.perform(post(sent).with(csrf())).andExpect(status().isOk());
        letters.confirmationPath(slug, "ke", Fixtures.uniqueEmail("never"), List.of(officials.minister()));
        assertThat(count("select count(*) from letter_drafts where campaign_id = :p", campaign))
                .isEqualTo(1);
        assertThat(count("select count(*) from letter_senders where campaign_id = :p", campaign))
                .isEqualTo(1);

        clock.advance(SendingLetters.CONFIRMATION_VALIDITY.plusHours(1));
        sending.deleteExpired();
        assertThat(count("select count(*) from letter_drafts where campaign_id = :p", campaign))
                .isZero();
        assertThat(count(
                        "select count(*) from letter_senders where campaign_id = :p and forget_at > now() + interval '25 days'",
                        campaign))
                .as("the blind index of the address is kept 30 days")
                .isEqualTo(1);
        jdbc.sql("update letter_senders set forget_at = now() - interval '1 minute' where campaign_id = :p")
                .param("p", campaign)
                .update();
        sending.deleteExpired();
        assertThat(count("select count(*) from letter_senders where campaign_id = :p", campaign))
                .isZero();
        assertThat(outreach(officials.minister(), Way.CHORUS))
                .as("the count stays")
                .isEqualTo(1);
    }

    @Test
    void only_organizers_see_the_letters_page_import_officials_and_read_the_counts() throws Exception {
        var stranger = fixtures.person("stranger");
        mvc.perform(get("/c/" + slug + "/manage/letter").with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(get("/c/" + slug + "/manage/letter"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.containsString("/login")));
        var page = Html.parse(mvc.perform(get("/c/" + slug + "/manage/letter").with(user(owner)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("textarea[name=core_en]").text()).contains("We ask you to cancel the debt.");
        assertThat(page.select("#targets-section tbody tr")).hasSize(4);

        var bad = """
                country,office,name,email,web_form
                KE,Governor of Mombasa,Name,governor@mombasa.example,
                XX,Governor,Name,g@gov.example,
                KE,Governor of Kisumu,=cmd|' /C calc'!A0,kisumu@gov.example,
                KE,Governor of Nakuru,Name,,http://nakuru.example/form
                """;
        var refused = Html.parse(mvc.perform(importing(bad.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(refused.select("#import-errors li").eachText())
                .containsExactly(
                        "Line 3, country: Choose a country.",
                        "Line 4, name: This cell starts like a spreadsheet formula (= + - @); remove that first character.",
                        "Line 5, web_form: Give the full https address of the official’s contact form.");
        assertThat(count(
                        "select count(*) from letter_targets where campaign_id = :p",
                        officials.minister().campaign().value()))
                .as("one bad line imports nothing")
                .isEqualTo(4);

        var good = ("\uFEFFcountry,office,name,email,web_form,note\r\n"
                        + "KE,Governor of Mombasa,Name,governor@mombasa.example,,\r\n"
                        + "KE,Speaker of the Assembly,Renamed Speaker,"
                        + officials.speaker().email() + ",,\r\n"
                        + "GH,Minister of Finance,Name,,https://mofep.example/contact,Via the form\r\n")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(importing(good)).andExpect(status().is3xxRedirection());
        mvc.perform(importing(good)).andExpect(status().is3xxRedirection());
        assertThat(count(
                        "select count(*) from letter_targets where campaign_id = :p",
                        officials.minister().campaign().value()))
                .as("the speaker updated, two added, and the second import changed nothing")
                .isEqualTo(6);
        assertThat(count(
                        "select count(*) from letter_targets where name = 'Renamed Speaker' and id = :p",
                        officials.speaker().id().value()))
                .isEqualTo(1);

        mvc.perform(post(letters.confirmationPath(
                                slug, "ke", Fixtures.uniqueEmail("counted"), List.of(officials.minister())))
                        .with(csrf()))
                .andExpect(status().isOk());
        var counts = Html.parse(mvc.perform(get("/c/" + slug + "/manage/letter").with(user(owner)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(counts.select("#counts-by-country tbody tr").text()).isEqualTo("Kenya 1 0 1");
        var csv = mvc.perform(get("/c/" + slug + "/manage/letter/counts.csv").with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("\uFEFFcountry,target_id,office,name,day,way,letters\r\n")
                .contains("KE," + officials.minister().id() + ",Minister of Finance,Name of Minister of Finance,");
        mvc.perform(get("/c/" + slug + "/manage/letter/counts.csv").with(user(stranger)))
                .andExpect(status().isForbidden());
    }

    org.springframework.test.web.servlet.RequestBuilder importing(byte[] file) {
        return multipart("/c/" + slug + "/manage/letter/import")
                .file(new MockMultipartFile("file", "officials.csv", "text/csv", file))
                .with(user(owner))
                .with(csrf());
    }
}
