package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Keep me informed by …" as signers meet it: one box per issuing organization, none ticked; the letter and the page
 * of the confirmation name whom they will hear from; the follow begins after the confirmation, through an event that
 * never holds the address; withdrawing says the follows stay.
 */
@ChorusWebTest
class KeepingInformedPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    SignOnFixtures signOns;

    @Autowired
    TestClock clock;

    @Autowired
    EventPublicationRegistry registry;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    org.chorus.shared.crypto.PersonalData personalData;

    @Autowired
    JdbcClient jdbc;

    Organization issuer;
    Organization coIssuer;
    Statement statement;

    @BeforeEach
    void a_statement_of_two_organizations_open_for_sign_on() {
        issuer = fixtures.coalition();
        var owner = statements.ownerOf(issuer);
        coIssuer = fixtures.coalition();
        statement = signOns.openedWithCoIssuer(owner, issuer, coIssuer);
    }

    @Test
    void every_form_offers_one_box_per_issuing_organization_and_none_is_ticked() throws Exception {
        var page = Html.parse(mvc.perform(get("/s/" + statement.slug())).andReturn());
        for (var form : page.select("#sign form[action$=/sign]")) {
            var boxes = form.select("input[type=checkbox][name=keepInformedBy]");
            assertThat(boxes.eachAttr("value"))
                    .containsExactly(issuer.id().toString(), coIssuer.id().toString());
            assertThat(boxes.select("[checked]")).isEmpty();
            assertThat(boxes.parents().select("label").text()).contains(issuer.name(), coIssuer.name());
        }
        assertThat(page.select("#sign form[action$=/sign]")).hasSize(2);

        var member = fixtures.coalition();
        var memberOwner = fixtures.person("member-owner");
        fixtures.grant(member, memberOwner, Role.OWNER);
        var signedIn = Html.parse(mvc.perform(get("/s/" + statement.slug())
                        .with(user(memberOwner))
                        .cookie(new Cookie("chorus_session", "signed-in")))
                .andReturn());
        var oneClick = signedIn.select("#sign form[action$=/sign/organization] input[name=keepInformedBy]");
        assertThat(oneClick.eachAttr("value"))
                .containsExactly(issuer.id().toString(), coIssuer.id().toString());
        assertThat(oneClick.select("[checked]")).isEmpty();
    }

    @Test
    void a_signer_hears_from_the_organization_they_ticked_and_the_stored_event_holds_no_address() throws Exception {
        var email = Fixtures.uniqueEmail("kept-informed");
        var page = Html.parse(mvc.perform(get("/s/" + statement.slug())).andReturn());
        var stamp = page.select("#sign form[action$=/sign] input[name=stamp]")
                .first()
                .val();
        clock.advance(Duration.ofSeconds(4));
        mvc.perform(post("/s/" + statement.slug() + "/sign")
                        .header("Origin", "http://localhost")
                        .param("kind", "person")
                        .param("stamp", stamp)
                        .param("name", "Ana Informed")
                        .param("email", email)
                        .param("country", "BR")
                        .param("keepInformedBy", coIssuer.id().toString())
                        .param("homepage", ""))
                .andExpect(status().isSeeOther());
        var letter = TestMail.awaitOne(email);
        var text = ReceivedMail.text(letter).replaceAll("\\s+", " ");
        var news = text.substring(text.indexOf("you will also get news from"), text.indexOf("as you asked"));
        assertThat(news).contains(coIssuer.name()).doesNotContain(issuer.name());

        // an address that cannot be opened makes the follows listener fail, so its publication stays stored
        var signOn = jdbc.sql("select id from signons where statement_id = :s")
                .param("s", statement.id().value())
                .query(UUID.class)
                .single();
        var sealed = personal(signOn);
        setPersonal(signOn, new byte[] {1, 2, 3});

        var confirm = ReceivedMail.linkPath(letter, "/signons/confirm/");
        var confirmed = Html.parse(mvc.perform(post(confirm).with(csrf()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(confirmed.select(".signon-news").text()).contains("you will get news from", coIssuer.name());
        assertThat(confirmed.select(".signon-news li").eachText()).containsExactly(coIssuer.name());

        eventually("the follow of the signer failed and stays in the registry")
                .until(() -> publication()
                        .filter(p -> p.getStatus() == EventPublication.Status.FAILED)
                        .isPresent());
        var stored = jdbc.sql("select serialized_event from event_publication where event_type = :type"
                        + " and serialized_event like :id")
                .param("type", SignOnConfirmed.class.getName())
                .param("id", "%" + signOn + "%")
                .query(String.class)
                .single();
        assertThat(stored)
                .contains(coIssuer.id().toString())
                .doesNotContainIgnoringCase(email)
                .doesNotContain("example.org", "Ana Informed");
        assertThat(followStatus(email)).isNull();

        setPersonal(signOn, sealed);
        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof SignOnConfirmed e && e.id().value().equals(signOn));
        eventually("the signer follows the co-issuer").until(() -> "ACTIVE".equals(followStatus(email)));
        eventually("the publication is done").until(() -> publication().isEmpty());

        var withdraw = ReceivedMail.linkPath(letter, "/signons/withdraw/");
        var withdrawPage = Html.parse(mvc.perform(get(withdraw)).andReturn());
        assertThat(withdrawPage.text()).contains("keeps coming");
        var withdrawn = Html.parse(mvc.perform(post(withdraw).with(csrf()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(withdrawn.select("li").eachText()).contains(coIssuer.name());
        assertThat(followStatus(email)).as("withdrawing does not unfollow").isEqualTo("ACTIVE");
    }

    private java.util.Optional<org.springframework.modulith.events.core.TargetEventPublication> publication() {
        return registry.findIncompletePublications().stream()
                .filter(p -> p.getEvent() instanceof SignOnConfirmed e
                        && e.statement().equals(statement.id()))
                .findFirst();
    }

    private String followStatus(String email) {
        return jdbc.sql("""
                        select f.status from follows f join followers p on p.id = f.follower_id
                        where p.email_index = :index and f.organization_id = :org""")
                .param("index", personalData.emailIndex(email))
                .param("org", coIssuer.id().value())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private byte[] personal(UUID signOn) {
        return jdbc.sql("select personal from signons where id = :id")
                .param("id", signOn)
                .query(byte[].class)
                .single();
    }

    private void setPersonal(UUID signOn, byte[] personal) {
        jdbc.sql("update signons set personal = :p where id = :id")
                .param("p", personal)
                .param("id", signOn)
                .update();
    }
}
