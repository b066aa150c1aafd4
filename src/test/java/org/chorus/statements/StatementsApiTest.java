package org.chorus.statements;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class StatementsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    WritingStatements writing;

    @Test
    void public_statements_are_listed_and_read_with_their_texts_and_signatures() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Api"), "We **ask**.");
        writing.translate(owner, s.id(), "fr", "Nous demandons", "", "Nous **demandons**.", "Lou", true);
        var draft = statements.draft(owner, org, "en", Fixtures.unique("Hidden"), "Not yet.");

        mvc.perform(get("/api/v1/statements").param("organization", org.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].slug").value(s.slug()))
                .andExpect(jsonPath("$.items[0].issuer").value(org.slug()));
        mvc.perform(get("/api/v1/statements/" + s.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.texts[?(@.language == 'fr')].translator").value("Lou"))
                .andExpect(jsonPath("$.texts[?(@.language == 'en')].html")
                        .value(Matchers.hasItem(Matchers.containsString("<strong>ask</strong>"))))
                .andExpect(jsonPath("$.signatories[0].name").value("Amina Njeri"));
        mvc.perform(get("/api/v1/statements/" + draft.slug()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/statements").param("from", "yesterday"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("statement.filter.date-invalid"));
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(jsonPath("$.paths['/api/v1/statements/{slug}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/statements'].get.parameters.length()")
                        .value(9))
                .andExpect(jsonPath("$.paths['/api/v1/statements'].get.parameters[*].name")
                        .value(Matchers.hasItems(
                                "organization", "topic", "language", "from", "to", "after", "before", "page")))
                .andExpect(
                        jsonPath("$.paths['/api/v1/statements'].get.parameters[?(@.name == 'from')].description")
                                .value(
                                        Matchers.hasItem(
                                                "issued on or after, yyyy-mm-dd (a statement dated to the month matches any day of it)")));
    }
}
