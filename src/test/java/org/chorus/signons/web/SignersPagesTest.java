package org.chorus.signons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.chorus.organizations.Role;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.SignOnRows;
import org.chorus.signons.SignOnStatus;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The organizers of a sign-on see every sign-on, approve, reject and remove them, and export them with their data. */
@ChorusWebTest
class SignersPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignOnRows rows;

    String publicList(String slug) throws Exception {
        return Html.parse(mvc.perform(get("/s/" + slug + "/signons")).andReturn())
                .select(".signon-name")
                .eachText()
                .toString();
    }

    @Test
    void an_editor_approves_an_organization_rejects_another_removes_a_third_and_the_public_list_follows()
            throws Exception {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var statement = rows.opened(coalition, Fixtures.unique("Organized"), SignOnOpening.Choices.defaults());
        var ids = new org.chorus.signons.SignOnId[3];
        rows.counted(() -> {
            ids[0] = rows.organization(statement.id(), "Waiting Union", "FR", SignOnStatus.CONFIRMED);
            ids[1] = rows.organization(statement.id(), "Listed League", "KE", null, null);
            ids[2] = rows.organization(statement.id(), "Listed league!", "KE", null, null);
            rows.person(statement.id(), "Quiet Person", "Hidden Employer", null, "PE", false);
            rows.person(statement.id(), "Not Yet", "CL", SignOnStatus.PENDING);
        });
        var session = SignedIn.session(mvc, editor.email());
        var signers = "/s/" + statement.slug() + "/sign-on/signers";

        var page = Html.parse(mvc.perform(get(signers).session(session))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("table.signers tbody tr")).hasSize(5);
        assertThat(page.select("table.signers").text())
                .contains("Quiet Person", "Hidden Employer", "Not named in public", "Not confirmed yet")
                .contains("Waiting for approval");
        assertThat(page.select("table.signers td[dir=ltr]").eachText()).allMatch(e -> e.endsWith("@example.org"));
        assertThat(page.select("#signer-" + ids[1] + " .tag-warning").text()).isEqualTo("Possible duplicate");
        assertThat(page.select("#signer-" + ids[0] + " .tag-warning")).isEmpty();
        var waiting =
                Html.parse(mvc.perform(get(signers).param("status", "CONFIRMED").session(session))
                        .andReturn());
        assertThat(waiting.select("table.signers tbody tr")).hasSize(1);
        assertThat(publicList(statement.slug())).doesNotContain("Waiting Union");

        mvc.perform(post(signers + "/" + ids[0] + "/approve").session(session).with(csrf()))
                .andExpect(redirectedUrl(signers));
        mvc.perform(post(signers + "/" + ids[2] + "/reject").session(session).with(csrf()))
                .andExpect(redirectedUrl(signers));
        mvc.perform(post(signers + "/" + ids[1] + "/remove").session(session).with(csrf()))
                .andExpect(redirectedUrl(signers));
        rows.counted(() -> {});
        assertThat(publicList(statement.slug())).isEqualTo("[Waiting Union]");
        mvc.perform(post(signers + "/" + ids[2] + "/reject").session(session).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post(signers + "/" + ids[1] + "/approve").session(session).with(csrf()))
                .andExpect(status().isConflict());

        var csv = new String(
                mvc.perform(get(signers + ".csv").session(session))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        var lines = csv.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).contains("email");
        assertThat(csv).contains("Quiet Person", "@example.org", "rejected", "Waiting Union");
        mvc.perform(get(signers + ".json").session(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length()")
                        .value(4));
    }

    @Test
    void organizers_read_the_answers_to_their_questions_on_the_page_and_in_the_exports() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var statement = rows.opened(
                coalition, Fixtures.unique("Questions"), SignOnRows.asking("Sector: Health | Education\nYour city"));
        rows.answered(statement.id(), "Ana Lima", "BR", java.util.List.of("Health", "=Recife"));
        var session = SignedIn.session(mvc, owner.email());
        var signers = "/s/" + statement.slug() + "/sign-on/signers";

        var page = Html.parse(mvc.perform(get(signers).session(session)).andReturn());
        assertThat(page.select(".signon-answer").eachText()).containsExactly("Sector: Health", "Your city: =Recife");
        var csv = new String(
                mvc.perform(get(signers + ".csv").session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        var lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith(",Sector,Your city");
        assertThat(lines[1]).endsWith(",Health,'=Recife");
        mvc.perform(get(signers + ".json").session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$[0].answers[1].question")
                        .value("Your city"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$[0].answers[1].answer")
                        .value("=Recife"));
    }

    @Test
    void only_those_who_manage_the_issuers_sign_ons_see_them() throws Exception {
        var coalition = fixtures.coalition();
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        var statement = rows.opened(coalition, Fixtures.unique("Private signers"), SignOnOpening.Choices.defaults());
        var session = SignedIn.session(mvc, member.email());
        mvc.perform(get("/s/" + statement.slug() + "/sign-on/signers").session(session))
                .andExpect(status().isForbidden());
        mvc.perform(get("/s/" + statement.slug() + "/sign-on/signers.csv").session(session))
                .andExpect(status().isForbidden());
        // the exports are written as they are read, but a refusal still comes before the first byte
        var json = mvc.perform(
                        get("/s/" + statement.slug() + "/sign-on/signers.json").session(session))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse();
        assertThat(json.getHeader("Content-Disposition")).isNull();
    }
}
