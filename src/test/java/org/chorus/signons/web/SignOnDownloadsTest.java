package org.chorus.signons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.chorus.signons.SignOnRows;
import org.chorus.signons.SignOnStatus;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public list as CSV and JSON: the public fields only, and cells no spreadsheet runs as a formula. */
@ChorusWebTest
class SignOnDownloadsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignOnRows rows;

    @Test
    void the_csv_has_the_public_list_and_escapes_what_a_spreadsheet_would_run() throws Exception {
        var statement = rows.opened(Fixtures.unique("Downloaded"));
        rows.counted(() -> {
            rows.organization(statement.id(), "=HYPERLINK(\"http://evil.example\",\"click\")", "FR", null, null);
            rows.organization(statement.id(), "Rivers, Lakes & Seas", "KE", "https://rivers.example", "+254 network");
            rows.person(statement.id(), "@Ana Lima", "-Union", "Organizer", "BR", true);
            rows.person(statement.id(), "Hidden Person", "Secret Employer", null, "PE", false);
            rows.organization(statement.id(), "Waiting Group", "FR", SignOnStatus.CONFIRMED);
        });

        var response = mvc.perform(get("/s/" + statement.slug() + "/signons.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"" + statement.slug() + "-signons.csv\""))
                .andReturn()
                .getResponse();
        var csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "\uFEFFtype,name,title,affiliation,country,country_name,website,description",
                        "organization,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",,,FR,France,,",
                        "organization,\"Rivers, Lakes & Seas\",,,KE,Kenya,https://rivers.example,'+254 network",
                        "person,'@Ana Lima,Organizer,'-Union,BR,Brazil,,");
        assertThat(csv).doesNotContain("Hidden", "Secret", "Waiting", "@example.org");
    }

    @Test
    void the_json_has_the_totals_and_the_public_fields_only() throws Exception {
        var statement = rows.opened(Fixtures.unique("As JSON"));
        rows.counted(() -> {
            rows.organization(statement.id(), "Friends of Rivers", "KE", "https://rivers.example", "We defend rivers.");
            rows.person(statement.id(), "Ana Lima", "Rivers Union", "Organizer", "BR", true);
            rows.person(statement.id(), "Hidden Person", null, null, "PE", false);
        });
        var json = mvc.perform(get("/s/" + statement.slug() + "/signons.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("signons.json")))
                .andExpect(jsonPath("$.statement").value(statement.slug()))
                .andExpect(jsonPath("$.totals.organizations").value(1))
                .andExpect(jsonPath("$.totals.countries").value(1))
                .andExpect(jsonPath("$.totals.people").value(2))
                .andExpect(jsonPath("$.organizations[0].name").value("Friends of Rivers"))
                .andExpect(jsonPath("$.organizations[0].website").value("https://rivers.example"))
                .andExpect(jsonPath("$.people.length()").value(1))
                .andExpect(jsonPath("$.people[0].affiliation").value("Rivers Union"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).doesNotContain("Hidden", "@example.org", "email", "personal", "network");
    }
}
