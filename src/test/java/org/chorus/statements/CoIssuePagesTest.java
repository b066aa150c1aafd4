package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pages of a co-issue request, from the editor who asks to the owner who accepts, and what readers see after. */
@ChorusWebTest
class CoIssuePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CoIssuing coIssuing;

    @Autowired
    ReviewingStatements reviewing;

    Organization a;
    Organization b;
    ChorusUser editorOfA;
    ChorusUser ownerOfB;

    @BeforeEach
    void two_organizations() {
        a = fixtures.coalition();
        b = fixtures.coalition();
        editorOfA = fixtures.person("editor");
        fixtures.grant(a, editorOfA, Role.EDITOR);
        ownerOfB = fixtures.person("owner");
        fixtures.grant(b, ownerOfB, Role.OWNER);
    }

    @Test
    void an_editor_asks_by_name_and_the_other_owner_finds_the_request_reads_the_draft_and_accepts() throws Exception {
        var draft = statements.draft(Actor.of(editorOfA), a, "en", Fixtures.unique("Joint call"), "Fund *the* future!");
        mvc.perform(get("/s/" + draft.slug()).with(user(editorOfA)))
                .andExpect(Html.has("a[href='/s/" + draft.slug() + "/co-issuers']"));
        mvc.perform(get("/s/" + draft.slug() + "/co-issuers").with(user(editorOfA)))
                .andExpect(status().isOk())
                .andExpect(
                        Html.has("select#organization option[value='" + b.slug() + "']:containsOwn(" + b.name() + ")"))
                .andExpect(Html.hasNo("select#organization option[value='" + a.slug() + "']"));
        mvc.perform(post("/s/" + draft.slug() + "/co-issuers")
                        .with(user(editorOfA))
                        .with(csrf())
                        .param("organization", b.slug()))
                .andExpect(redirectedUrl("/s/" + draft.slug() + "/co-issuers"));
        mvc.perform(post("/s/" + draft.slug() + "/co-issuers")
                        .with(user(editorOfA))
                        .with(csrf())
                        .param("organization", b.slug()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#organization-error:containsOwn(has been asked already)"));

        var link = "a[href='/o/" + b.slug() + "/manage/co-issue-requests']:containsOwn(1 waiting)";
        mvc.perform(get("/o/" + b.slug() + "/manage").with(user(ownerOfB))).andExpect(Html.has(link));
        mvc.perform(get("/o/" + b.slug()).with(user(ownerOfB))).andExpect(Html.has(link));
        mvc.perform(get("/o/" + b.slug()).with(user(editorOfA))).andExpect(Html.hasNo("a[href$=co-issue-requests]"));
        var editorOfB = fixtures.person("editor");
        fixtures.grant(b, editorOfB, Role.EDITOR);
        mvc.perform(get("/o/" + b.slug() + "/manage").with(user(editorOfB)))
                .andExpect(status().isOk())
                .andExpect(Html.hasNo("a[href$=co-issue-requests]"));
        var list = Html.parse(
                mvc.perform(get("/o/" + b.slug() + "/manage/co-issue-requests").with(user(ownerOfB)))
                        .andExpect(status().isOk())
                        .andReturn());
        var requestPath = list.selectFirst("#co-issue-requests a").attr("href");
        mvc.perform(get(requestPath).with(user(ownerOfB)))
                .andExpect(status().isOk())
                .andExpect(Html.has(".statement-body em:containsOwn(the)"))
                .andExpect(Html.has("form[action='" + requestPath + "/accept'] textarea[name=message]"));
        mvc.perform(get(requestPath).with(user(editorOfA))).andExpect(status().isForbidden());
        mvc.perform(post(requestPath + "/accept")
                        .with(user(ownerOfB))
                        .with(csrf())
                        .param("message", "Gladly."))
                .andExpect(redirectedUrl("/o/" + b.slug() + "/manage/co-issue-requests"));

        reviewing.approve(statements.ownerOf(a), draft.id(), null);
        mvc.perform(get("/s/" + draft.slug()))
                .andExpect(Html.has(".statement-header .eyebrow a[href='/o/" + b.slug() + "']"))
                .andExpect(Html.has("script[type=application/ld+json]:containsData(\"author\":[{)"))
                .andExpect(Html.has("script[type=application/ld+json]:containsData(\"name\":\"" + b.name() + "\")"));
        mvc.perform(get("/api/v1/statements/" + draft.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coIssuers[0]").value(b.slug()));
        mvc.perform(get("/s/" + draft.slug() + "/co-issuers").with(user(editorOfA)))
                .andExpect(Html.has("#co-issuers a[href='/o/" + b.slug() + "']"))
                .andExpect(Html.has("#requests .meta:contains(Accepted)"));
    }

    @Test
    void the_requester_withdraws_from_the_statement_page_and_a_wrong_request_address_is_not_found() throws Exception {
        var draft = statements.draft(Actor.of(editorOfA), a, "en", Fixtures.unique("Withdrawn"), "Text.");
        var request = coIssuing.request(Actor.of(editorOfA), draft.id(), b.slug());
        mvc.perform(post("/s/" + draft.slug() + "/co-issuers/" + request.id() + "/withdraw")
                        .with(user(editorOfA))
                        .with(csrf()))
                .andExpect(redirectedUrl("/s/" + draft.slug() + "/co-issuers"));
        assertThat(coIssuing.waiting(Actor.of(ownerOfB), b.id())).isZero();
        mvc.perform(post("/o/" + b.slug() + "/manage/co-issue-requests/" + request.id() + "/accept")
                        .with(user(ownerOfB))
                        .with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(get("/o/" + b.slug() + "/manage/co-issue-requests/not-a-request")
                        .with(user(ownerOfB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/o/" + a.slug() + "/manage/co-issue-requests/" + request.id())
                        .with(user(fixtures.person("owner-of-a"))))
                .andExpect(status().isNotFound());
    }
}
