package org.chorus.follows;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Signatory;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.WritingStatements;
import org.chorus.support.TestMail;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.MockMvc;

/** Followers made the way people become followers (the form, the letter, the link), and statements with topics. */
@TestComponent
public class FollowFixtures {

    private final WritingStatements writing;
    private final ReviewingStatements reviewing;

    FollowFixtures(WritingStatements writing, ReviewingStatements reviewing) {
        this.writing = writing;
        this.reviewing = reviewing;
    }

    /** Asks to follow through the form and confirms through the link in the letter. */
    public void follow(
            MockMvc mvc,
            String email,
            String param,
            String value,
            String language,
            String frequency,
            boolean includeChildren)
            throws Exception {
        int before = TestMail.to(email).size();
        ask(mvc, email, param, value, language, frequency, includeChildren);
        var confirmation = TestMail.await(email, before + 1).get(before);
        var path = FollowMail.link(confirmation, "/follows/confirm/");
        mvc.perform(post(path).with(csrf())).andExpect(status().isOk());
    }

    public void ask(
            MockMvc mvc,
            String email,
            String param,
            String value,
            String language,
            String frequency,
            boolean includeChildren)
            throws Exception {
        mvc.perform(post("/follow")
                        .with(csrf())
                        .param(param, value)
                        .param("email", email)
                        .param("language", language)
                        .param("frequency", frequency)
                        .param("includeChildren", String.valueOf(includeChildren)))
                .andExpect(status().isOk());
    }

    public Statement publish(Actor owner, Organization issuer, String language, String title, String topics) {
        var draft = writing.draft(
                owner,
                issuer.id(),
                new StatementDraft(
                        language,
                        title,
                        "What we ask for",
                        "We, the undersigned, ask for " + title + ".",
                        "2026-11-20",
                        "Nairobi",
                        topics,
                        false,
                        List.of(),
                        List.of(new Signatory("Amina Njeri", "Chairperson", issuer.name()))));
        return reviewing.approve(owner, draft.id(), null);
    }
}
