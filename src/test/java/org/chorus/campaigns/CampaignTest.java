package org.chorus.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.junit.jupiter.api.Test;

/** The rules a campaign keeps by itself: its dates, its days of action, its words, and its workflow. */
class CampaignTest {

    static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");

    static Campaign.Plan plan(String start, String end, String... days) {
        return Campaign.Plan.of(
                "Europe/Paris", start, end, List.of(days), List.of("PROTEST", "ONLINE"), List.of(), List.of());
    }

    static Campaign draft() {
        return Campaign.draft(
                CampaignId.random(),
                "fortnight",
                OrganizationId.random(),
                "en",
                plan("2026-10-07", "2026-10-21", "2026-10-13", "2026-10-12"),
                NOW);
    }

    /** The fields a refused plan names, in order. */
    static List<String> broken(Runnable planning) {
        try {
            planning.run();
        } catch (InvalidField problem) {
            return problem.fields().stream()
                    .map(f -> f.field() + ":" + f.messageKey())
                    .toList();
        }
        throw new AssertionError("the plan was accepted");
    }

    @Test
    void days_of_action_are_kept_in_date_order_and_kinds_in_their_own_order() {
        var plan = Campaign.Plan.of(
                "America/Toronto",
                "2026-10-07",
                "2026-10-21",
                List.of("2026-10-13", "", "2026-10-12"),
                List.of("ONLINE", "PROTEST"),
                List.of(),
                List.of());
        assertThat(plan.daysOfAction()).containsExactly(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 13));
        assertThat(plan.kinds()).containsExactly(ActionKind.PROTEST, ActionKind.ONLINE);
        assertThat(plan.zone().getId()).isEqualTo("America/Toronto");
    }

    @Test
    void impossible_dates_an_unknown_time_zone_and_no_kind_are_refused_together() {
        assertThat(broken(() -> Campaign.Plan.of(
                        "Mars/Olympus",
                        "2026-02-30",
                        "2026-10-21",
                        List.of("2026-13-01"),
                        List.of(),
                        List.of(),
                        List.of())))
                .containsExactly(
                        "timeZone:campaign.time-zone.invalid",
                        "startsOn:campaign.date.invalid",
                        "daysOfAction:campaign.day.invalid",
                        "kinds:campaign.kinds.required");
    }

    @Test
    void the_window_ends_on_or_after_its_start_and_lasts_at_most_a_year_with_its_leap_day() {
        assertThat(broken(() -> plan("2026-10-21", "2026-10-07", "2026-10-12")))
                .contains("endsOn:campaign.window.ends-before-start");
        assertThat(plan("2027-03-01", "2028-02-29", "2027-03-01").endsOn()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(broken(() -> plan("2027-03-01", "2028-03-01", "2027-03-01")))
                .containsExactly("endsOn:campaign.window.too-long");
        assertThat(plan("2026-10-12", "2026-10-12", "2026-10-12").daysOfAction())
                .hasSize(1);
    }

    @Test
    void a_day_of_action_lies_inside_the_window_once_and_there_is_at_least_one() {
        assertThat(broken(() -> plan("2026-10-07", "2026-10-21", "2026-10-22")))
                .containsExactly("daysOfAction:campaign.day.outside-window");
        assertThat(broken(() -> plan("2026-10-07", "2026-10-21", "2026-10-12", "2026-10-12")))
                .containsExactly("daysOfAction:campaign.day.repeated");
        assertThat(broken(() -> plan("2026-10-07", "2026-10-21", "", " ")))
                .containsExactly("daysOfAction:campaign.day.required");
        assertThat(broken(() -> plan("2026-10-07", "2026-10-21", "+999999999-12-31")))
                .containsExactly("daysOfAction:date.out-of-range");
    }

    @Test
    void a_day_of_action_is_a_local_date_so_a_change_of_clocks_does_not_move_it() {
        // 25 October 2026: clocks go back in Paris; 1 November: in Toronto. Both stay the dates given.
        var plan = Campaign.Plan.of(
                "Europe/Paris",
                "2026-10-20",
                "2026-11-05",
                List.of("2026-10-25", "2026-11-01"),
                List.of("OTHER"),
                List.of(),
                List.of());
        var campaign = Campaign.draft(CampaignId.random(), "clocks", OrganizationId.random(), "en", plan, NOW);
        assertThat(campaign.today(Instant.parse("2026-10-24T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(campaign.nextDayOfAction(LocalDate.of(2026, 10, 25))).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(campaign.nextDayOfAction(LocalDate.of(2026, 10, 26))).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(campaign.nextDayOfAction(LocalDate.of(2026, 11, 2))).isNull();
    }

    @Test
    void a_campaign_is_upcoming_then_running_then_over_in_its_own_time_zone() {
        var campaign = draft();
        assertThat(campaign.phase(LocalDate.of(2026, 10, 6))).isEqualTo(Campaign.Phase.UPCOMING);
        assertThat(campaign.phase(LocalDate.of(2026, 10, 7))).isEqualTo(Campaign.Phase.RUNNING);
        assertThat(campaign.phase(LocalDate.of(2026, 10, 21))).isEqualTo(Campaign.Phase.RUNNING);
        assertThat(campaign.phase(LocalDate.of(2026, 10, 22))).isEqualTo(Campaign.Phase.ENDED);
        // 21 October, 23:30 in Paris is already the 22nd in UTC+2's east, but still the 21st where the campaign is
        assertThat(campaign.today(Instant.parse("2026-10-21T21:30:00Z"))).isEqualTo(LocalDate.of(2026, 10, 21));
    }

    @Test
    void a_draft_is_published_once_then_withdrawn_with_a_reason_and_then_stays_as_it_was() {
        var draft = draft();
        assertThat(draft.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(draft.isPublic()).isFalse();
        var published = draft.publish(NOW.plusSeconds(60));
        assertThat(published.isPublic()).isTrue();
        assertThat(published.publishedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> published.publish(NOW)).hasMessageContaining("campaign.publish-only-drafts");
        assertThatThrownBy(() -> draft.withdraw("Why", NOW)).hasMessageContaining("campaign.withdraw-only-published");
        assertThatThrownBy(() -> published.withdraw(" ", NOW))
                .isInstanceOf(InvalidField.class)
                .hasMessageContaining("campaign.withdrawal-note.required");
        var withdrawn = published.withdraw("  Called off after the floods.  ", NOW.plusSeconds(120));
        assertThat(withdrawn.status()).isEqualTo(CampaignStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawalNote()).isEqualTo("Called off after the floods.");
        assertThat(withdrawn.isPublic()).isFalse();
        assertThatThrownBy(() -> withdrawn.planned(draft.plan(), NOW))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("campaign.locked-withdrawn");
    }

    @Test
    void editors_change_the_plan_of_a_draft_and_of_a_published_campaign() {
        var published = draft().publish(NOW);
        var changed = published.planned(plan("2026-10-01", "2026-10-31", "2026-10-20"), NOW.plusSeconds(5));
        assertThat(changed.status()).isEqualTo(CampaignStatus.PUBLISHED);
        assertThat(changed.plan().daysOfAction()).containsExactly(LocalDate.of(2026, 10, 20));
        assertThat(changed.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void the_words_need_a_title_and_a_call_and_at_most_twenty_demands_of_three_hundred_characters() {
        var text = CampaignText.written(
                "en", "  <b>Fortnight</b> ", "", "We **call** on\ngovernments.", "Demand one\n\n  Demand two ", NOW);
        assertThat(text.title()).isEqualTo("<b>Fortnight</b>");
        assertThat(text.demands()).containsExactly("Demand one", "Demand two");
        assertThat(text.callHtml()).contains("<strong>call</strong>").contains("<br");
        assertThat(broken(
                        () -> CampaignText.written("en", " ", "", "", "x".repeat(301) + "\n" + "ok\n".repeat(25), NOW)))
                .containsExactly(
                        "title:campaign.title.required",
                        "call:campaign.call.required",
                        "demands:campaign.demand.too-long");
        assertThat(broken(() -> CampaignText.written("en", "T", "", "C", "ok\n".repeat(21), NOW)))
                .containsExactly("demands:campaign.demands.too-many");
    }

    @Test
    void the_call_is_sanitized_as_statements_are() {
        var text = CampaignText.written(
                "en", "T", "", "Hello <script>alert(1)</script> [x](javascript:alert(1))", "", NOW);
        assertThat(text.callHtml()).doesNotContain("<script").doesNotContain("javascript:");
    }
}
