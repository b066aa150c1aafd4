package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.statements.Statement;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.TestClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ChorusWebTest
class SigningPagesTest {

    static final Cookie SESSION = new Cookie("chorus_session", "signed-in");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignOnFixtures signOns;

    @Autowired
    TestClock clock;

    @Autowired
    SigningOn signing;

    @Autowired
    JdbcClient jdbc;

    Organization issuer;
    ChorusUser editor;
    Actor owner;
    Statement statement;

    @BeforeEach
    void a_statement_open_for_sign_on() {
        issuer = fixtures.coalition();
        editor = fixtures.person("editor");
        fixtures.grant(issuer, editor, Role.EDITOR);
        var person = fixtures.person("owner");
        fixtures.grant(issuer, person, Role.OWNER);
        owner = Actor.of(person);
        statement = signOns.opened(owner, issuer);
    }

    /** The statement's page as an anonymous reader gets it (through the public page cache). */
    MvcResult statementPage() throws Exception {
        return mvc.perform(get("/s/" + statement.slug()))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
    }

    /** The person form of the statement page, filled in and sent a few seconds later, with no session. */
    MockHttpServletRequestBuilder signAsPerson(String email) throws Exception {
        return signAsPerson(email, "Ana Lima", "http://localhost", "same-origin");
    }

    MockHttpServletRequestBuilder signAsPerson(String email, String name, String origin, String fetchSite)
            throws Exception {
        return signAsPerson(email, name, origin, fetchSite, stampFilledIn());
    }

    /** The stamp of the statement page's form, as a person sends it a few seconds after the page came. */
    String stampFilledIn() throws Exception {
        var page = statementPage().getResponse().getContentAsString();
        var stamp =
                Html.first(page, "#sign form[action$=/sign] input[name=stamp]").val();
        clock.advance(Duration.ofSeconds(4));
        return stamp;
    }

    MockHttpServletRequestBuilder signAsPerson(
            String email, String name, String origin, String fetchSite, String stamp) {
        return post("/s/" + statement.slug() + "/sign")
                .header("Origin", origin)
                .header("Sec-Fetch-Site", fetchSite)
                .param("kind", "person")
                .param("stamp", stamp)
                .param("name", name)
                .param("email", email)
                .param("country", "BR")
                .param("showName", "true")
                .param("homepage", "");
    }

    @Test
    void the_cached_statement_page_carries_the_sign_forms_with_a_stamp_and_no_session() throws Exception {
        var page = Html.parse(statementPage());
        var forms = page.select("#sign form[action=/s/" + statement.slug() + "/sign]");
        assertThat(forms).hasSize(2);
        assertThat(forms.select("input[name=kind]").eachAttr("value")).containsExactly("person", "organization");
        assertThat(forms.select("input[name=stamp]").eachAttr("value")).allMatch(v -> !v.isBlank());
        assertThat(forms.select("input[name=_csrf]")).isEmpty();
        assertThat(page.select("#sign input[name=keepInformedBy]").eachAttr("value"))
                .contains(issuer.id().toString());
        assertThat(page.select("a[href$=/sign-on/manage]"))
                .as("only for the issuer's editors")
                .isEmpty();
    }

    @Test
    void a_person_signs_without_a_session_confirms_by_pressing_a_button_and_withdraws() throws Exception {
        var email = Fixtures.uniqueEmail("web-signer");
        mvc.perform(signAsPerson(email))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/s/" + statement.slug() + "/sign/sent"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
        var sent = mvc.perform(get("/s/" + statement.slug() + "/sign/sent"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        assertThat(Html.parse(sent).select("h1").text()).isEqualTo("Check your email");
        assertThat(Html.parse(sent).select(".notice").text()).contains("We have sent a link to confirm");

        var confirm = SignOnFixtures.link(email, 0, "/signons/confirm/");
        var button = mvc.perform(get(confirm)).andExpect(status().isOk()).andReturn();
        assertThat(Html.parse(button).select("form[method=post] button")).hasSize(1);
        assertThat(count("APPROVED", email))
                .as("opening the link confirms nothing")
                .isZero();
        var confirmed = mvc.perform(post(confirm).with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(Html.parse(confirmed).select(".notice").text()).contains("confirmed and counted");
        assertThat(count("APPROVED", email)).isEqualTo(1);

        var withdraw = SignOnFixtures.link(email, 0, "/signons/withdraw/");
        mvc.perform(get(withdraw)).andExpect(status().isOk());
        mvc.perform(post(withdraw).with(csrf())).andExpect(status().isOk());
        assertThat(count("APPROVED", email)).isZero();
        mvc.perform(get(withdraw)).andExpect(status().isNotFound());
    }

    @Test
    void a_second_sign_on_with_the_same_address_gets_the_very_same_answer() throws Exception {
        var email = Fixtures.uniqueEmail("twice");
        var first = mvc.perform(signAsPerson(email))
                .andExpect(status().isSeeOther())
                .andReturn();
        var second = mvc.perform(signAsPerson(email.toUpperCase(java.util.Locale.ROOT)))
                .andExpect(status().isSeeOther())
                .andReturn();
        assertThat(second.getResponse().getContentAsString())
                .isEqualTo(first.getResponse().getContentAsString());
        assertThat(second.getResponse().getHeaderNames())
                .containsExactlyInAnyOrderElementsOf(first.getResponse().getHeaderNames());
        assertThat(second.getResponse().getRedirectedUrl())
                .isEqualTo(first.getResponse().getRedirectedUrl());
        assertThat(count("PENDING", email)).isEqualTo(1);
    }

    @Test
    void a_sign_on_of_a_statement_just_signed_only_writes_its_rows_however_many_signed_before() throws Exception {
        clock.advance(SignOnTargets.KEPT);
        int cold = queriesOfASignOn(false);
        int first = queriesOfASignOn(true);
        assertThat(first)
                .as("the statement, its opening and issuers are read once, then kept a few seconds")
                .isLessThan(cold);
        var forms = new java.util.ArrayList<SignOnForm>();
        for (int i = 0; i < 50; i++) {
            forms.add(SignOnFixtures.person(
                    "Earlier " + i, Fixtures.uniqueEmail("earlier"), i % 2 == 0, java.util.List.of()));
        }
        signing.seedListed(statement.id(), forms, org.chorus.shared.i18n.Language.ENGLISH);
        int later = queriesOfASignOn(true);
        assertThat(later)
                .as(() -> "the sign-on, its letter and the letter's message, not:\n"
                        + org.chorus.support.QueryCounter.statements())
                .isEqualTo(first)
                .isLessThanOrEqualTo(3);
    }

    /** The queries of one sign-on, after another one a moment before when {@code warm}. */
    int queriesOfASignOn(boolean warm) throws Exception {
        var stamp = stampFilledIn();
        if (warm) {
            mvc.perform(signAsPerson(Fixtures.uniqueEmail("before"), "Ana", "http://localhost", "same-origin", stamp))
                    .andExpect(status().isSeeOther());
        }
        var request = signAsPerson(Fixtures.uniqueEmail("counted"), "Ana", "http://localhost", "same-origin", stamp);
        org.chorus.support.QueryCounter.reset();
        mvc.perform(request).andExpect(status().isSeeOther());
        return org.chorus.support.QueryCounter.count();
    }

    @Test
    void a_form_sent_from_another_site_is_refused() throws Exception {
        var email = Fixtures.uniqueEmail("csrf");
        mvc.perform(signAsPerson(email, "Ana", "https://evil.example", "none")).andExpect(status().isForbidden());
        mvc.perform(signAsPerson(email, "Ana", "http://localhost", "cross-site"))
                .andExpect(status().isForbidden());
        assertThat(count("PENDING", email)).isZero();
    }

    @Test
    void only_the_origins_the_organizers_list_may_frame_the_embedded_form_and_its_answer_stays_in_the_frame()
            throws Exception {
        mvc.perform(get("/s/" + statement.slug() + "/sign/embed"))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")));
        var embeddable = signOns.opened(
                owner,
                issuer,
                SignOnOpening.Choices.defaults()
                        .guarded(
                                java.util.List.of(),
                                java.util.List.of("https://Partner.example/", "https://allies.example:8443"),
                                java.util.List.of()));
        var page = mvc.perform(get("/s/" + embeddable.slug() + "/sign/embed?kind=organization"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                Matchers.containsString(
                                        "frame-ancestors https://partner.example https://allies.example:8443")))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        var html = Html.parse(page);
        assertThat(html.select("header.site-header")).isEmpty();
        assertThat(html.select("form input[name=embed]").val()).isEqualTo("true");
        assertThat(html.select("form input[name=kind]").val()).isEqualTo("organization");

        var stamp = html.select("input[name=stamp]").val();
        clock.advance(Duration.ofSeconds(4));
        var answer = mvc.perform(post("/s/" + embeddable.slug() + "/sign")
                        .header("Origin", "http://localhost")
                        .param("kind", "organization")
                        .param("embed", "true")
                        .param("stamp", stamp)
                        .param("name", "Partner Network")
                        .param("country", "SN")
                        .param("contactPerson", "Awa Diop")
                        .param("email", Fixtures.uniqueEmail("partner")))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                Matchers.containsString("frame-ancestors https://partner.example")))
                .andReturn();
        assertThat(Html.parse(answer).select(".notice").text()).contains("Nothing is published until you press");
    }

    @Test
    void a_refused_form_comes_back_on_its_own_page_with_what_was_written_and_each_error() throws Exception {
        var result = mvc.perform(signAsPerson("not an address", "", "http://localhost", "same-origin"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn();
        var page = Html.parse(result);
        assertThat(page.select("#name-error").text()).isEqualTo("Write a name.");
        assertThat(page.select("#email-error").text()).isEqualTo("Write a valid email address.");
        assertThat(page.select("select[name=country] option[selected]").val()).isEqualTo("BR");
        assertThat(page.select("input[name=stamp]").val()).isNotBlank();
    }

    @Test
    void a_form_without_some_of_its_fields_comes_back_blank_where_they_were_missing() throws Exception {
        var page = statementPage().getResponse().getContentAsString();
        var stamp =
                Html.first(page, "#sign form[action$=/sign] input[name=stamp]").val();
        clock.advance(Duration.ofSeconds(4));
        var result = mvc.perform(post("/s/" + statement.slug() + "/sign")
                        .header("Origin", "http://localhost")
                        .param("kind", "person")
                        .param("stamp", stamp)
                        .param("email", Fixtures.uniqueEmail("no-name")))
                .andExpect(status().isUnprocessableEntity())
                .andReturn();
        var refused = Html.parse(result);
        assertThat(refused.select("#name-error").text()).isEqualTo("Write a name.");
        assertThat(refused.select("#country-error")).hasSize(1);
        var name = refused.select("form[action$=/sign] input[name=name]");
        assertThat(name.hasAttr("value")).as("blank, not absent").isTrue();
        assertThat(name.attr("value")).isEmpty();
        assertThat(refused.select("form[action$=/sign] input[name=keepInformedBy][checked]"))
                .isEmpty();

        var other = signOns.opened(owner, issuer);
        mvc.perform(post("/s/" + other.slug() + "/sign-on/open")
                        .with(user(editor))
                        .with(csrf())
                        .param("whoMaySign", "PEOPLE"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(Html.has("#retentionDays-error"));
    }

    @Test
    void answers_with_commas_are_kept_whole_one_or_several() throws Exception {
        assertThat(answersStored("Your town", "Saint-Denis, La Réunion")).containsExactly("Saint-Denis, La Réunion");
        assertThat(answersStored("Your town\nSector: Health | Labour", "Saint-Denis, La Réunion", "Labour"))
                .containsExactly("Saint-Denis, La Réunion", "Labour");
    }

    /** The answers stored of a person who sent these through the form of a statement asking these questions. */
    java.util.List<String> answersStored(String questions, String... answers) throws Exception {
        var asking = signOns.opened(
                owner,
                issuer,
                SignOnOpening.Choices.defaults()
                        .guarded(java.util.List.of(), java.util.List.of(), SignOnQuestion.parse(questions)));
        var page = mvc.perform(get("/s/" + asking.slug()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var stamp =
                Html.first(page, "#sign form[action$=/sign] input[name=stamp]").val();
        clock.advance(Duration.ofSeconds(4));
        mvc.perform(post("/s/" + asking.slug() + "/sign")
                        .header("Origin", "http://localhost")
                        .param("kind", "person")
                        .param("stamp", stamp)
                        .param("name", "Ana Lima")
                        .param("email", Fixtures.uniqueEmail("comma"))
                        .param("country", "FR")
                        .param("answers", answers))
                .andExpect(status().isSeeOther());
        var sealed = jdbc.sql("select personal from signons where statement_id = :s")
                .param("s", asking.id().value())
                .query(byte[].class)
                .single();
        return Signer.fromJson(personalData.open(sealed, Signer.COLUMN)).answers();
    }

    @Test
    void an_editor_opens_changes_and_closes_the_sign_on_and_the_page_says_it_is_closed() throws Exception {
        var other = signOns.opened(owner, issuer);
        var manage = mvc.perform(get("/s/" + other.slug() + "/sign-on/manage")
                        .with(user(editor))
                        .cookie(SESSION))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(Html.parse(manage).select("form[action$=/sign-on/close]")).hasSize(1);
        mvc.perform(post("/s/" + other.slug() + "/sign-on/open")
                        .with(user(editor))
                        .with(csrf())
                        .param("whoMaySign", "PEOPLE")
                        .param("retentionDays", "90")
                        .param("questions", "Sector: Health | Labour")
                        .param("thankYou", "Thank you!"))
                .andExpect(status().is3xxRedirection());
        var page = mvc.perform(get("/s/" + other.slug()).with(user(editor)).cookie(SESSION))
                .andReturn();
        assertThat(Html.parse(page).select("#sign input[name=kind]").eachAttr("value"))
                .containsExactly("person");
        assertThat(Html.parse(page).select("#sign select[name=answers] option").eachAttr("value"))
                .containsExactly("", "Health", "Labour");
        assertThat(Html.parse(page).select("#sign a[href$=/sign-on/manage]")).hasSize(1);

        mvc.perform(post("/s/" + other.slug() + "/sign-on/close")
                        .with(user(editor))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        var closed = mvc.perform(get("/s/" + other.slug())).andReturn();
        assertThat(Html.parse(closed).select("#sign form[action$=/sign]")).isEmpty();
        assertThat(Html.parse(closed).select("#sign .notice").text()).contains("closed");

        mvc.perform(post("/s/" + other.slug() + "/sign-on/open")
                        .with(user(editor))
                        .with(csrf())
                        .param("whoMaySign", "BOTH")
                        .param("retentionDays", "0")
                        .param("closesAt", "2000-01-01T10:00"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(Html.has("#closesAt-error"))
                .andExpect(Html.has("#retentionDays-error"));
    }

    @Test
    void an_owner_of_another_organization_signs_for_it_in_one_click() throws Exception {
        var member = fixtures.coalition();
        var memberOwner = fixtures.person("member-owner");
        fixtures.grant(member, memberOwner, Role.OWNER);
        var page = mvc.perform(
                        get("/s/" + statement.slug()).with(user(memberOwner)).cookie(SESSION))
                .andReturn();
        assertThat(Html.parse(page)
                        .select("#sign select[name=organization] option")
                        .eachAttr("value"))
                .containsExactly(member.slug());
        mvc.perform(post("/s/" + statement.slug() + "/sign/organization")
                        .with(user(memberOwner))
                        .with(csrf())
                        .param("organization", member.slug()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from signons where statement_id = :s and organization_id = :o")
                        .param("s", statement.id().value())
                        .param("o", member.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("CONFIRMED");
    }

    int count(String status, String email) {
        return jdbc.sql("""
                        select count(*) from signons where statement_id = :s and status = :status
                        and email_index = :index""")
                .param("s", statement.id().value())
                .param("status", status)
                .param("index", indexOf(email))
                .query(Integer.class)
                .single();
    }

    @Autowired
    org.chorus.shared.crypto.PersonalData personalData;

    byte[] indexOf(String email) {
        return personalData.index(Signer.canonicalEmail(email), Signer.EMAIL_INDEX);
    }
}
