package org.chorus.statements;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class StatementDirectionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Test
    void a_pashto_statement_reads_right_to_left_on_its_page_and_in_lists_of_an_english_interface() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "ps", Fixtures.unique("Pashto"), "د اقلیم عدالت اوس.");
        mvc.perform(get("/s/" + s.slug()).header("Accept-Language", "en"))
                .andExpect(content().string(Matchers.containsString("<html lang=\"en\" dir=\"ltr\">")))
                .andExpect(content()
                        .string(Matchers.containsString("<article class=\"statement\" lang=\"ps\" dir=\"rtl\">")));
        mvc.perform(get("/statements").param("language", "ps").header("Accept-Language", "en"))
                .andExpect(content().string(Matchers.containsString("<h2 dir=\"rtl\"><a href=\"/s/" + s.slug())));
    }
}
