package org.chorus.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;

/**
 * What the modules above campaigns (actions, next) use: a published campaign's dates and kinds, who organizes it, and
 * the events that tell them a campaign was published or changed.
 */
@ChorusModuleTest
class CampaignsForOtherModulesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignFixtures campaigns;

    @Autowired
    WritingCampaigns writing;

    @Autowired
    ReadingCampaigns reading;

    @Autowired
    CampaignOrganizers organizers;

    @Test
    void a_published_campaign_gives_its_zone_window_days_kinds_and_title_in_the_readers_language() {
        var coalition = fixtures.coalition();
        var owner = owner(coalition);
        var today = campaigns.today();
        var draft = writing.create(
                owner,
                coalition.id(),
                new CampaignDraft(
                        "en",
                        "Fortnight",
                        "",
                        "Join us.",
                        "",
                        "Asia/Manila",
                        today.plusDays(7).toString(),
                        today.plusDays(21).toString(),
                        List.of(
                                today.plusDays(13).toString(),
                                today.plusDays(12).toString()),
                        List.of("LETTER", "PROTEST"),
                        "",
                        ""));
        assertThat(reading.published(draft.slug(), "en"))
                .as("a draft is not public")
                .isEmpty();
        writing.publish(owner, draft.slug());
        writing.translate(owner, draft.slug(), "fr", "Quinzaine", "", "Rejoignez-nous.", "");

        var french = reading.published(draft.slug(), "fr").orElseThrow();
        assertThat(french.title()).isEqualTo("Quinzaine");
        assertThat(french.zone().getId()).isEqualTo("Asia/Manila");
        assertThat(french.daysOfAction()).containsExactly(today.plusDays(12), today.plusDays(13));
        assertThat(french.kinds()).containsExactly(ActionKind.PROTEST, ActionKind.LETTER);
        assertThat(french.covers(today.plusDays(21))).isTrue();
        assertThat(french.covers(today.plusDays(22))).isFalse();
        assertThat(reading.published(draft.slug(), "es").orElseThrow().title()).isEqualTo("Fortnight");

        writing.withdraw(owner, draft.slug(), "Called off.");
        assertThat(reading.published(draft.slug(), "en"))
                .as("a withdrawn campaign is not public")
                .isEmpty();
    }

    @Test
    void the_owners_and_editors_of_the_issuer_organize_its_campaign_and_no_one_else() {
        var coalition = fixtures.coalition();
        var owner = owner(coalition);
        var campaign = campaigns.published(owner, coalition, Fixtures.unique("Organized"));
        var editor = fixtures.person("editor");
        fixtures.grant(coalition, editor, Role.EDITOR);
        var member = fixtures.person("member");
        fixtures.grant(coalition, member, Role.MEMBER);
        var elsewhere = owner(fixtures.coalition());

        assertThat(organizers.isOrganizer(owner, campaign.id())).isTrue();
        assertThat(organizers.isOrganizer(Actor.of(editor), campaign.id())).isTrue();
        assertThat(organizers.isOrganizer(fixtures.siteAdmin(), campaign.id())).isTrue();
        assertThat(organizers.isOrganizer(Actor.of(member), campaign.id())).isFalse();
        assertThat(organizers.isOrganizer(elsewhere, campaign.id())).isFalse();
        assertThat(organizers.isOrganizer(null, campaign.id())).isFalse();
        assertThat(organizers.isOrganizer(owner, CampaignId.random())).isFalse();
    }

    @Test
    void publishing_announces_the_campaign_once_and_each_later_change_says_it_changed(PublishedEvents events) {
        var coalition = fixtures.coalition();
        var owner = owner(coalition);
        var title = Fixtures.unique("Announced");
        var draft = campaigns.draft(owner, coalition, title);
        writing.publish(owner, draft.slug());
        writing.translate(owner, draft.slug(), "es", "Quincena", "", "Únase.", "");
        writing.withdraw(owner, draft.slug(), "Called off.");

        assertThat(events.ofType(CampaignPublished.class)
                        .matching(e -> e.campaign().equals(draft.id())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.issuer()).isEqualTo(coalition.id());
                    assertThat(e.by()).isEqualTo(owner.account());
                    assertThat(e.title()).isEqualTo(title);
                });
        assertThat(events.ofType(CampaignChanged.class)
                        .matching(e -> e.campaign().equals(draft.id())))
                .hasSize(1);
        assertThat(events.ofType(CampaignWithdrawn.class)
                        .matching(e -> e.campaign().equals(draft.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.by()).isEqualTo(owner.account()));
    }

    @Test
    void a_day_of_action_is_stored_as_the_date_written_even_fourteen_hours_ahead_of_utc() {
        var coalition = fixtures.coalition();
        var owner = owner(coalition);
        var today = campaigns.today();
        var campaign = writing.create(
                owner,
                coalition.id(),
                new CampaignDraft(
                        "en",
                        "Across zones",
                        "",
                        "Join us.",
                        "",
                        "Pacific/Kiritimati",
                        today.toString(),
                        today.plusDays(3).toString(),
                        List.of(today.plusDays(1).toString()),
                        List.of("ONLINE"),
                        "",
                        ""));
        writing.publish(owner, campaign.slug());
        LocalDate stored = reading.published(campaign.slug(), "en")
                .orElseThrow()
                .daysOfAction()
                .getFirst();
        assertThat(stored).isEqualTo(today.plusDays(1));
    }

    @Test
    void campaigns_with_one_title_created_at_once_all_get_their_own_address() throws Exception {
        var coalition = fixtures.coalition();
        var owner = owner(coalition);
        var title = Fixtures.unique("Same campaign");
        var slugs = new java.util.HashSet<String>(org.chorus.support.AtOnce.all(
                5, () -> campaigns.draft(owner, coalition, title).slug()));
        assertThat(slugs).hasSize(5);
    }

    private Actor owner(org.chorus.organizations.Organization organization) {
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        return Actor.of(owner);
    }
}
