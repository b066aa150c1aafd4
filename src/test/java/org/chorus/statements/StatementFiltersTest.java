package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.chorus.support.ChorusWebTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The list page, the API and the feeds read their filters the same way, through one parser. */
@ChorusWebTest
class StatementFiltersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void a_bad_date_is_refused_alike_by_the_list_page_the_api_and_the_feed() throws Exception {
        mvc.perform(get("/statements?from=2026-13-45").header("Accept-Language", "fr"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("lang=\"fr\"")));
        mvc.perform(get("/api/v1/statements?to=yesterday"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("statement.filter.date-invalid"));
        mvc.perform(get("/statements.atom?from=soon")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void an_unknown_organization_is_not_found_alike_everywhere() throws Exception {
        mvc.perform(get("/statements?organization=no-such-organization")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/statements?organization=no-such-organization")).andExpect(status().isNotFound());
        mvc.perform(get("/statements.atom?organization=no-such-organization")).andExpect(status().isNotFound());
    }

    @Test
    void the_query_string_of_a_list_is_encoded_and_leaves_out_what_is_not_filtered() {
        var query = new StatementQuery(null, "land & water", null, LocalDate.of(2026, 1, 2), null);

        assertThat(query.queryString()).isEqualTo("?topic=land+%26+water&from=2026-01-02");
        assertThat(query.olderHref("/statements", "AQAB"))
                .isEqualTo("/statements?topic=land+%26+water&from=2026-01-02&after=AQAB");
        assertThat(new StatementQuery(null, null, null, null, null).newerHref("/api/v1/statements", "AQAB"))
                .isEqualTo("/api/v1/statements?before=AQAB");
    }
}
