package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Only site admins found coalitions (decision 0022): nobody else is offered a choice that would be refused. */
@ChorusWebTest
class NewCoalitionChoiceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void a_regular_person_is_not_offered_a_new_coalition_and_is_told_how_to_ask_for_one() throws Exception {
        var page = Html.parse(mvc.perform(get("/organizations/new").with(user(fixtures.person("regular"))))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("#parent option").eachText()).doesNotContain("— None (a new coalition) —");
        assertThat(page.select("input[name=kind][value=COALITION]")).isEmpty();
        assertThat(page.select("#parent-hint").text()).contains("administrators of this site");
        assertThat(page.select("#parent").attr("aria-describedby")).isEqualTo("parent-hint");
    }

    @Test
    void a_site_admin_is_offered_a_new_coalition() throws Exception {
        var page = Html.parse(mvc.perform(get("/organizations/new")
                        .with(user(fixtures.adminUser(fixtures.admin().id()))))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select("#parent option").eachText()).contains("— None (a new coalition) —");
        assertThat(page.select("input[name=kind][value=COALITION]")).hasSize(1);
        assertThat(page.select("#parent-hint")).isEmpty();
    }
}
