package org.chorus.signons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.SignOnRows;
import org.chorus.signons.SignOnStatus;
import org.chorus.signons.WhoMaySign;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.QueryCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public list under a statement: organizations by country, people named with their consent, page by page. */
@ChorusWebTest
class SignOnListPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignOnRows rows;

    org.jsoup.nodes.Document page(String path, String language) throws Exception {
        return Html.parse(mvc.perform(get(path).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn());
    }

    @Test
    void organizations_are_grouped_by_country_in_the_order_of_the_readers_language_and_only_approved_ones_show()
            throws Exception {
        var statement = rows.opened(Fixtures.unique("Grouped"));
        rows.counted(() -> {
            rows.organization(statement.id(), "Zukunft e.V.", "DE", "https://zukunft.example", "Ein Verein");
            rows.organization(statement.id(), "attac Deutschland", "DE", null, null);
            rows.organization(statement.id(), "Attac Österreich", "AT", "javascript:alert(1)", null);
            rows.organization(statement.id(), "Attac France", "FR", null, null);
            rows.organization(statement.id(), "Waiting Group", "FR", SignOnStatus.CONFIRMED);
            rows.organization(statement.id(), "Unconfirmed Group", "FR", SignOnStatus.PENDING);
            rows.organization(statement.id(), "Refused Group", "FR", SignOnStatus.REJECTED);
        });
        var list = "/s/" + statement.slug() + "/signons";

        var english = page(list, "en");
        assertThat(english.select(".signon-country h3").eachText()).containsExactly("Austria", "France", "Germany");
        assertThat(english.select(".signon-name").eachText())
                .containsExactly("Attac Österreich", "Attac France", "attac Deutschland", "Zukunft e.V.");
        assertThat(english.select(".signon-count").text()).isEqualTo("Signed by 4 organizations in 3 countries.");
        var website = english.select("a[href=https://zukunft.example]");
        assertThat(website.attr("rel")).contains("nofollow", "ugc", "noopener");
        assertThat(english.select("a[href^=javascript]")).isEmpty();
        assertThat(english.text()).doesNotContain("Waiting Group", "Unconfirmed Group", "Refused Group");

        var french = page(list, "fr");
        assertThat(french.select(".signon-country h3").eachText()).containsExactly("Allemagne", "Autriche", "France");

        var arabic = page(list, "ar");
        assertThat(arabic.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.select(".signon-country h3").eachText()).contains("فرنسا");
    }

    @Test
    void a_long_list_is_read_page_by_page_with_each_organization_once() throws Exception {
        var statement = rows.opened(Fixtures.unique("Long list"));
        var names = new ArrayList<String>();
        rows.counted(() -> {
            for (int i = 0; i < 103; i++) {
                var name = "Group %03d".formatted(i);
                names.add(name);
                rows.organization(statement.id(), name, i % 2 == 0 ? "KE" : "UG", null, null);
            }
        });
        var list = "/s/" + statement.slug() + "/signons";
        var first = page(list, "en");
        assertThat(first.select(".signon-name")).hasSize(100);
        assertThat(first.select("nav.pagination a:not([rel])")).isEmpty();
        var next = first.select("nav.pagination a[rel=next]").attr("href");
        assertThat(next).startsWith(list + "?after=");

        var second = page(next, "en");
        assertThat(second.select(".signon-name")).hasSize(3);
        assertThat(second.select("nav.pagination a[rel=next]")).isEmpty();
        assertThat(second.select("nav.pagination a").attr("href")).isEqualTo(list);

        var seen = new ArrayList<String>(first.select(".signon-name").eachText());
        seen.addAll(second.select(".signon-name").eachText());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(names);
        // Kenya, then Uganda; each by name
        assertThat(seen.subList(0, 52)).allMatch(n -> Integer.parseInt(n.substring(6)) % 2 == 0);

        // a page is kept, and costs the same few queries whatever the list's length
        QueryCounter.reset();
        mvc.perform(get(next)).andExpect(header().exists("ETag"));
        assertThat(QueryCounter.count()).isZero();
    }

    @Test
    void people_are_named_only_with_their_consent_and_only_when_the_organizers_show_names() throws Exception {
        var statement = rows.opened(Fixtures.unique("Named"));
        rows.counted(() -> {
            rows.person(statement.id(), "Ana Lima", "Rivers Union", "Organizer", "BR", true);
            rows.person(statement.id(), "Hidden Person", "Secret Employer", null, "PE", false);
            rows.person(statement.id(), "Lou Martin", null, null, "FR", true);
            rows.person(statement.id(), "Not Yet", "CL", SignOnStatus.PENDING);
        });
        var people = page("/s/" + statement.slug() + "/signons/people", "en");
        assertThat(people.select(".signon-people .signon-name").eachText()).containsExactly("Lou Martin", "Ana Lima");
        assertThat(people.select(".signon-people li").get(1).text())
                .isEqualTo("Ana Lima, Organizer, Rivers Union (Brazil)");
        assertThat(people.text()).doesNotContain("Hidden Person", "Secret Employer", "Not Yet");
        assertThat(people.select(".signon-count").text()).isEqualTo("Signed by 3 people.");

        var organization = fixtures.coalition();
        var unnamed = rows.opened(
                organization,
                Fixtures.unique("Names not shown"),
                new SignOnOpening.Choices(WhoMaySign.PEOPLE, null, false, true, false, "", 365));
        rows.counted(() -> rows.person(unnamed.id(), "Would Be Shown", null, null, "FR", true));
        var counted = page("/s/" + unnamed.slug() + "/signons/people", "en");
        assertThat(counted.select(".signon-people p").text())
                .isEqualTo("The organizers do not publish the names of the people who signed; they are counted above.");
        assertThat(counted.select(".signon-count").text()).isEqualTo("Signed by 1 person.");
    }

    @Test
    void a_page_of_the_list_costs_the_same_queries_for_two_sign_ons_or_a_hundred_and_five() throws Exception {
        var small = rows.opened(Fixtures.unique("Small list"));
        var big = rows.opened(Fixtures.unique("Big list"));
        rows.counted(() -> {
            rows.organization(small.id(), "Only Group", "KE", null, null);
            rows.person(small.id(), "Only Person", null, null, "KE", true);
            for (int i = 0; i < 105; i++) {
                rows.organization(
                        big.id(), "Group " + i, List.of("KE", "FR", "BR").get(i % 3), null, null);
                rows.person(big.id(), "Person " + i, "Union " + i, null, "FR", true);
            }
        });
        for (var list : List.of("/signons", "/signons/people")) {
            var bigFirst = "/s/" + big.slug() + list;
            assertThat(queries(bigFirst)).isEqualTo(queries("/s/" + small.slug() + list));
            var next = page(bigFirst, "en").select("a[rel=next]").attr("href");
            assertThat(queries(next)).isEqualTo(queries(bigFirst));
        }
        assertThat(queries("/s/" + big.slug() + "/signons/count"))
                .isEqualTo(queries("/s/" + small.slug() + "/signons/count"));
    }

    @Autowired
    org.chorus.shared.web.PublicPageCache cache;

    private int queries(String path) throws Exception {
        return QueryCounter.rendering(mvc, cache, path);
    }

    @Test
    void a_damaged_page_link_is_refused_with_a_message_and_an_unopened_statement_has_no_list() throws Exception {
        var statement = rows.opened(Fixtures.unique("Damaged"));
        for (var path : List.of("/signons?after=not-a-cursor", "/signons/people?after=AAAA")) {
            var html = mvc.perform(get("/s/" + statement.slug() + path))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).contains("This link to a page of the list is damaged");
        }
        mvc.perform(get("/s/no-such-statement/signons")).andExpect(status().isNotFound());
    }
}
