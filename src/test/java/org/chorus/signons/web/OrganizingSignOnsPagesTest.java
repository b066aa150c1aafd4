package org.chorus.signons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.organizations.Role;
import org.chorus.signons.SignOnId;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.SignOnRows;
import org.chorus.signons.SignOnStatus;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Organizers merge duplicate sign-ons and change the name a sign-on is shown with, and the lists follow. */
@ChorusWebTest
class OrganizingSignOnsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignOnRows rows;

    @Autowired
    JdbcClient jdbc;

    String listed(String path) throws Exception {
        return Html.parse(mvc.perform(get(path)).andReturn())
                .select(".signon-name")
                .eachText()
                .toString();
    }

    String audited(String kind, org.chorus.statements.StatementId statement) {
        return jdbc.sql("select detail from audit_entries where kind = :kind and statement_id = :statement")
                .param("kind", kind)
                .param("statement", statement.value())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void an_editor_merges_a_duplicate_organization_into_the_listed_one_and_the_list_and_totals_follow()
            throws Exception {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var statement = rows.opened(coalition, Fixtures.unique("Merged"), SignOnOpening.Choices.defaults());
        var ids = new SignOnId[4];
        rows.counted(() -> {
            ids[0] = rows.organization(statement.id(), "Listed League", "KE", "https://league.example", null);
            ids[1] = rows.organization(statement.id(), "Listed league!", "KE", "https://www.league.example", null);
            ids[2] = rows.organization(statement.id(), "Other Union", "KE", SignOnStatus.PENDING);
            ids[3] = rows.person(statement.id(), "A Person", "KE", SignOnStatus.APPROVED);
        });
        var other = rows.opened(coalition, Fixtures.unique("Other"), SignOnOpening.Choices.defaults());
        var elsewhere = rows.organization(other.id(), "Elsewhere", "KE", SignOnStatus.APPROVED);
        var session = SignedIn.session(mvc, editor.email());
        var signers = "/s/" + statement.slug() + "/sign-on/signers";

        var page = Html.parse(mvc.perform(get(signers).session(session)).andReturn());
        var mergeLink = page.select("#signer-" + ids[1] + " a.merge-link").attr("href");
        assertThat(mergeLink).isEqualTo(signers + "/merge?signOn=" + ids[0] + "&signOn=" + ids[1]);
        assertThat(page.select("#signer-" + ids[2] + " a.merge-link")).isEmpty();
        var compared = Html.parse(mvc.perform(get(mergeLink).session(session))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(compared.select(".merge-choice .signon-name").eachText())
                .containsExactly("Listed League", "Listed league!");
        assertThat(compared.select(".merge-choice form input[name=keep]").eachAttr("value"))
                .containsExactly(ids[0].toString(), ids[1].toString());

        // into itself, into one not confirmed, across kinds, or with another statement's sign-on: refused
        mvc.perform(merge(signers, ids[0], ids[0]).session(session)).andExpect(status().isConflict());
        mvc.perform(merge(signers, ids[2], ids[1]).session(session)).andExpect(status().isConflict());
        mvc.perform(merge(signers, ids[3], ids[1]).session(session)).andExpect(status().isConflict());
        mvc.perform(merge(signers, ids[0], elsewhere).session(session)).andExpect(status().isNotFound());
        mvc.perform(get(signers + "/merge").param("signOn", ids[0].toString()).session(session))
                .andExpect(status().isBadRequest());

        mvc.perform(merge(signers, ids[0], ids[1]).session(session)).andExpect(redirectedUrl(signers));
        var after = Html.parse(mvc.perform(get(signers).session(session)).andReturn());
        assertThat(after.select("#signer-" + ids[1])).isEmpty();
        assertThat(after.select("#signer-" + ids[0] + " .tag-warning")).isEmpty();
        assertThat(rows.counted(() -> {})).contains(statement.id());
        assertThat(listed("/s/" + statement.slug() + "/signons")).isEqualTo("[Listed League]");
        // the merged one is gone: merging it again finds nothing
        mvc.perform(merge(signers, ids[0], ids[1]).session(session)).andExpect(status().isNotFound());
        eventually("the merge is in the issuer's activity log")
                .until(() -> "1/".equals(audited("signons.MERGED", statement.id())));
    }

    @Test
    void an_owner_compares_two_sign_ons_of_one_person_and_keeps_the_one_they_choose() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var statement = rows.opened(coalition, Fixtures.unique("Twice"), SignOnOpening.Choices.defaults());
        var first = rows.person(statement.id(), "Rosa Twice", "Work", null, "CL", true);
        var second = rows.person(statement.id(), "Rosa Twice", "Home", null, "CL", false);
        var session = SignedIn.session(mvc, owner.email());
        var signers = "/s/" + statement.slug() + "/sign-on/signers";

        var page = Html.parse(mvc.perform(get(signers).session(session)).andReturn());
        assertThat(page.select("input[type=checkbox][form=compare-signers]").eachAttr("value"))
                .contains(first.toString(), second.toString());
        assertThat(page.select("form#compare-signers").attr("method")).isEqualTo("get");
        mvc.perform(get(signers + "/merge")
                        .param("signOn", second.toString(), first.toString())
                        .session(session))
                .andExpect(status().isOk());

        mvc.perform(merge(signers, second, first).session(session)).andExpect(redirectedUrl(signers));
        var after = Html.parse(mvc.perform(get(signers).session(session)).andReturn());
        assertThat(after.select("table.signers tbody tr")).hasSize(1);
        assertThat(after.select("#signer-" + second)).hasSize(1);
    }

    @Test
    void an_editor_changes_the_name_shown_for_an_organization_and_a_named_person() throws Exception {
        var coalition = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var statement = rows.opened(coalition, Fixtures.unique("Renamed"), SignOnOpening.Choices.defaults());
        var ids = new SignOnId[3];
        rows.counted(() -> {
            ids[0] = rows.organization(statement.id(), "Typo Unoin", "FR", null, null);
            ids[1] = rows.person(statement.id(), "Jon Smyth", null, null, "GB", true);
            ids[2] = rows.person(statement.id(), "Quiet Smyth", null, null, "GB", false);
        });
        var session = SignedIn.session(mvc, editor.email());
        var signers = "/s/" + statement.slug() + "/sign-on/signers";

        var form = Html.parse(mvc.perform(get(signers + "/" + ids[0] + "/name").session(session))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select("input[name=name]").val()).isEqualTo("Typo Unoin");
        assertThat(form.select("input[name=name]").attr("maxlength")).isEqualTo("200");
        mvc.perform(rename(signers, ids[0], "Typo Union").session(session))
                .andExpect(redirectedUrl(signers + "#signer-" + ids[0]));
        mvc.perform(rename(signers, ids[1], "John Smith").session(session))
                .andExpect(redirectedUrl(signers + "#signer-" + ids[1]));
        mvc.perform(rename(signers, ids[2], "Quiet Smith").session(session))
                .andExpect(redirectedUrl(signers + "#signer-" + ids[2]));

        assertThat(listed("/s/" + statement.slug() + "/signons")).isEqualTo("[Typo Union]");
        assertThat(listed("/s/" + statement.slug() + "/signons/people")).isEqualTo("[John Smith]");
        var page = Html.parse(mvc.perform(get(signers).session(session)).andReturn());
        assertThat(page.select("#signer-" + ids[2]).text())
                .contains("Quiet Smith")
                .doesNotContain("Quiet Smyth");

        var refused =
                Html.parse(mvc.perform(rename(signers, ids[0], "x".repeat(201)).session(session))
                        .andExpect(status().isUnprocessableEntity())
                        .andReturn());
        assertThat(refused.select(".field-invalid input[name=name]")).hasSize(1);
        mvc.perform(rename(signers, ids[0], "  ").session(session)).andExpect(status().isUnprocessableEntity());
        assertThat(listed("/s/" + statement.slug() + "/signons")).isEqualTo("[Typo Union]");
        eventually("the renames are in the issuer's activity log")
                .until(() -> jdbc.sql("select count(*) from audit_entries where kind = 'signons.RENAMED'"
                                        + " and statement_id = :statement")
                                .param("statement", statement.id().value())
                                .query(Long.class)
                                .single()
                        == 3);
    }

    @Test
    void a_member_who_does_not_organize_cannot_merge_or_rename() throws Exception {
        var coalition = fixtures.coalition();
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        var statement = rows.opened(coalition, Fixtures.unique("Guarded"), SignOnOpening.Choices.defaults());
        var a = rows.organization(statement.id(), "Alpha", "FR", null, null);
        var b = rows.organization(statement.id(), "Alpha", "FR", SignOnStatus.CONFIRMED);
        var session = SignedIn.session(mvc, member.email());
        var signers = "/s/" + statement.slug() + "/sign-on/signers";
        mvc.perform(merge(signers, a, b).session(session)).andExpect(status().isForbidden());
        mvc.perform(rename(signers, a, "Beta").session(session)).andExpect(status().isForbidden());
        assertThat(listed("/s/" + statement.slug() + "/signons")).isEqualTo("[Alpha]");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder merge(
            String signers, SignOnId keep, SignOnId merged) {
        return post(signers + "/merge")
                .with(csrf())
                .param("keep", keep.toString())
                .param("merged", merged.toString());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder rename(
            String signers, SignOnId id, String name) {
        return post(signers + "/" + id + "/name").with(csrf()).param("name", name);
    }
}
