package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationKind;
import org.chorus.shared.web.PublicPageCache;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.QueryCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Pages run the same number of SQL queries for a little data and for a lot. */
@ChorusWebTest
class BoundedQueriesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    WritingStatements writing;

    @Autowired
    PublicPageCache cache;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    org.chorus.campaigns.CampaignFixtures campaigns;

    @Autowired
    org.chorus.campaigns.WritingCampaigns writingCampaigns;

    @Test
    void a_statement_page_costs_the_same_with_one_signatory_or_many_cosigners_translations_and_republications()
            throws Exception {
        var small = fixtures.coalition();
        var smallOwner = statements.ownerOf(small);
        var plain = statements.published(smallOwner, small, "en", Fixtures.unique("Plain"), "Text.");

        var big = fixtures.coalition();
        var bigOwner = statements.ownerOf(big);
        var cosigners = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            var member = fixtures.below(big, OrganizationKind.MEMBER);
            fixtures.grant(member, fixtures.user(bigOwner.account()), org.chorus.organizations.Role.EDITOR);
            cosigners.add(member.slug());
        }
        var signatories = new ArrayList<Signatory>();
        for (int i = 0; i < 25; i++) {
            signatories.add(new Signatory("Person " + i, "Role", "Organization " + i));
        }
        var draft = writing.draft(
                bigOwner,
                big.id(),
                new StatementDraft(
                        "en",
                        Fixtures.unique("Rich"),
                        "",
                        "Text.",
                        null,
                        null,
                        "a, b, c",
                        false,
                        cosigners,
                        signatories));
        var reviewing = this.reviewing.approve(bigOwner, draft.id(), null);
        for (var language : List.of("fr", "es", "ar", "sw")) {
            writing.translate(bigOwner, reviewing.id(), language, "T " + language, "", "B", "Someone", true);
        }
        for (int i = 0; i < 4; i++) {
            var chapter = fixtures.below(big, OrganizationKind.CHAPTER);
            writing.republish(statements.ownerOf(chapter), chapter.id(), reviewing.slug(), null);
        }

        var richPage = mvc.perform(get("/s/" + reviewing.slug()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(richPage)
                .contains("Person 24")
                .contains(cosigners.getLast());
        assertThat(queries("/s/" + reviewing.slug())).isEqualTo(queries("/s/" + plain.slug()));
        assertThat(QueryCounter.statements())
                .as("a statement never opened for sign-on asks nothing of sign-ons")
                .doesNotContain("signon");
        assertThat(queries("/s/" + plain.slug()))
                .as(() -> "the statement, its texts, its co-issuers with signatories and revisions, republications,"
                        + " organizations, topics, its likes and boosts from the fediverse; not:\n"
                        + QueryCounter.statements())
                .isLessThanOrEqualTo(7);
        assertThat(queries("/s/" + reviewing.slug() + "/fr")).isEqualTo(queries("/s/" + plain.slug() + "/fr"));
    }

    @Test
    void lists_feeds_and_organization_pages_cost_the_same_for_two_statements_or_twenty_five() throws Exception {
        var small = fixtures.coalition();
        var big = fixtures.coalition();
        publish(small, 2);
        publish(big, 25);
        for (int i = 0; i < 10; i++) {
            fixtures.below(big, OrganizationKind.MEMBER);
        }
        assertThat(queries("/statements?organization=" + big.slug()))
                .isEqualTo(queries("/statements?organization=" + small.slug()));
        assertThat(queries("/statements.atom?organization=" + big.slug()))
                .isEqualTo(queries("/statements.atom?organization=" + small.slug()));
        assertThat(queries("/o/" + big.slug())).isEqualTo(queries("/o/" + small.slug()));
        // how the search is planned, which configurations have its words, the search, the organizations' names
        assertThat(queries("/search?q=text")).isLessThanOrEqualTo(4);
    }

    @Test
    void an_older_page_costs_what_the_first_does_by_cursor_or_by_old_page_number() throws Exception {
        var org = fixtures.coalition();
        publish(org, 45);
        var first = "/statements?organization=" + org.slug();
        var older = Html.parse(mvc.perform(get(first)).andReturn())
                .selectFirst("a[rel=next]")
                .attr("href");
        assertThat(queries(older)).isEqualTo(queries(first));
        assertThat(queries(first + "&page=3")).isEqualTo(queries(first));
        assertThat(queries("/o/" + org.slug() + "/statements?" + older.substring(older.indexOf('&') + 1)))
                .isEqualTo(queries(first));
        var api = "/api/v1/statements?organization=" + org.slug();
        var olderApi = com.jayway.jsonpath.JsonPath.<String>read(
                mvc.perform(get(api)).andReturn().getResponse().getContentAsString(), "$.next");
        assertThat(queries(olderApi)).isEqualTo(queries(api));
        var feed = "/statements.atom?organization=" + org.slug();
        assertThat(queries(feed + older.substring(older.indexOf('&')))).isEqualTo(queries(feed));
    }

    @Test
    void the_home_page_costs_three_queries_whatever_the_number_of_organizations_and_statements() throws Exception {
        var coalition = fixtures.coalition();
        publish(coalition, 1);
        var before = queries("/");
        for (int i = 0; i < 5; i++) {
            publish(fixtures.below(fixtures.below(coalition, OrganizationKind.CHAPTER), OrganizationKind.MEMBER), 1);
        }
        // coalitions and their tree, the current campaigns, the latest statements, and the names of their issuers
        assertThat(queries("/")).isEqualTo(before).isLessThanOrEqualTo(4);
    }

    @Test
    void revisions_changes_and_comments_pages_read_only_what_they_show_whatever_the_number_of_corrections()
            throws Exception {
        var few = corrected(1);
        var many = corrected(8);
        for (var page : List.of("/revisions", "/revisions/1/2", "/comments")) {
            assertThat(queries("/s/" + many.slug() + page))
                    .as(page)
                    .isEqualTo(queries("/s/" + few.slug() + page))
                    // the statement, its title, its issuer, and the revisions or the comments
                    .isLessThanOrEqualTo(4);
        }
    }

    @Test
    void a_campaign_page_costs_the_same_with_one_day_of_action_or_many_partners_statements_and_translations()
            throws Exception {
        var small = fixtures.coalition();
        var smallOwner = statements.ownerOf(small);
        var plainForm = org.chorus.campaigns.CampaignFixtures.form(
                campaigns.today(),
                Fixtures.unique("Plain campaign"),
                1,
                10,
                List.of(2),
                fixtures.below(small, OrganizationKind.MEMBER).slug(),
                statements
                        .published(smallOwner, small, "en", Fixtures.unique("Related"), "Text.")
                        .slug());
        var plain = writingCampaigns.publish(
                smallOwner,
                writingCampaigns.create(smallOwner, small.id(), plainForm).slug());

        var big = fixtures.coalition();
        var owner = statements.ownerOf(big);
        var partners = new ArrayList<String>();
        var related = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            partners.add(fixtures.below(big, OrganizationKind.MEMBER).slug());
            related.add(statements
                    .published(owner, big, "en", Fixtures.unique("Related"), "Text.")
                    .slug());
        }
        var draft = org.chorus.campaigns.CampaignFixtures.form(
                campaigns.today(),
                Fixtures.unique("Rich campaign"),
                1,
                60,
                java.util.stream.IntStream.rangeClosed(2, 30).boxed().toList(),
                String.join("\n", partners),
                String.join("\n", related));
        var rich = writingCampaigns.publish(
                owner, writingCampaigns.create(owner, big.id(), draft).slug());
        for (var language : List.of("fr", "es", "ar", "sw")) {
            writingCampaigns.translate(owner, rich.slug(), language, "T " + language, "", "Call.", "One\nTwo");
        }
        var page = Html.parse(mvc.perform(get("/c/" + rich.slug())).andReturn());
        assertThat(page.select(".campaign-partners li")).hasSize(8);
        assertThat(page.select(".campaign-statements li")).hasSize(8);
        assertThat(queries("/c/" + rich.slug())).isEqualTo(queries("/c/" + plain.slug()));
        assertThat(queries("/c/" + plain.slug()))
                .as(() -> "the campaign, its texts, the organizations, the statements, its actions' counts, its"
                        + " reported turnout, whether it has a letter to officials; not:\n" + QueryCounter.statements())
                .isLessThanOrEqualTo(7);
        assertThat(queries("/c/" + rich.slug() + "/fr")).isEqualTo(queries("/c/" + plain.slug() + "/fr"));
    }

    @Test
    void campaign_lists_and_feeds_cost_the_same_for_two_campaigns_or_twenty_five() throws Exception {
        var small = fixtures.coalition();
        var big = fixtures.coalition();
        var smallOwner = statements.ownerOf(small);
        var bigOwner = statements.ownerOf(big);
        for (int i = 0; i < 2; i++) {
            campaigns.published(smallOwner, small, Fixtures.unique("Small"));
        }
        for (int i = 0; i < 25; i++) {
            campaigns.published(bigOwner, big, Fixtures.unique("Big"));
        }
        assertThat(queries("/campaigns?organization=" + big.slug()))
                .isEqualTo(queries("/campaigns?organization=" + small.slug()));
        assertThat(queries("/campaigns.atom?organization=" + big.slug()))
                .isEqualTo(queries("/campaigns.atom?organization=" + small.slug()));
        assertThat(queries("/o/" + big.slug())).isEqualTo(queries("/o/" + small.slug()));
        var first = "/campaigns?organization=" + big.slug();
        var older = Html.parse(mvc.perform(get(first)).andReturn())
                .selectFirst("a[rel=next]")
                .attr("href");
        assertThat(queries(older)).isEqualTo(queries(first));
    }

    /** A published statement with signatories, a translation and {@code corrections} corrections. */
    private Statement corrected(int corrections) {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var statement = statements.published(owner, org, "en", Fixtures.unique("Corrected"), "First words.");
        writing.translate(owner, statement.id(), "fr", "Titre", "", "Premiers mots.", null, true);
        for (int i = 1; i <= corrections; i++) {
            writing.edit(
                    owner,
                    statement.id(),
                    new StatementDraft(
                            "en",
                            Fixtures.unique("Corrected"),
                            "",
                            "Words, version " + i + ".",
                            null,
                            null,
                            null,
                            true,
                            List.of(),
                            List.of(new Signatory("Person " + i, "", ""))),
                    "Correction " + i);
        }
        return statement;
    }

    private void publish(Organization organization, int count) {
        Actor owner = statements.ownerOf(organization);
        for (int i = 0; i < count; i++) {
            statements.published(owner, organization, "en", Fixtures.unique("S"), "Text number " + i);
        }
    }

    /**
     * The queries of a page rendered again without the page cache; the first rendering fills what is kept in memory
     * for every page alike (the topics in use), so that both pages compared pay for it or neither.
     */
    private int queries(String path) throws Exception {
        return QueryCounter.rendering(mvc, cache, path);
    }
}
