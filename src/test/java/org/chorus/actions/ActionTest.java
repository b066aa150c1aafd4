package org.chorus.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.ActionKind;
import org.chorus.campaigns.CampaignId;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.organizations.OrganizationId;
import org.chorus.places.City;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.junit.jupiter.api.Test;

/** The rules of an action, without Spring: what a host may write, and how its state moves. */
class ActionTest {

    /** 7–12 October 2026, in UTC, calling for protests and online actions. */
    static final PublishedCampaign CAMPAIGN = new PublishedCampaign(
            CampaignId.random(),
            "october",
            new OrganizationId(java.util.UUID.randomUUID()),
            ZoneId.of("UTC"),
            LocalDate.of(2026, 10, 7),
            LocalDate.of(2026, 10, 12),
            List.of(LocalDate.of(2026, 10, 12)),
            List.of(ActionKind.PROTEST, ActionKind.ONLINE),
            "en",
            "October");

    static final City MANILA =
            new City(1701668, "Manila", "PH", 14.6042, 120.9822, 1_600_000, ZoneId.of("Asia/Manila"));
    static final City TORONTO =
            new City(6167865, "Toronto", "CA", 43.70011, -79.4163, 2_600_000, ZoneId.of("America/Toronto"));
    static final City PARIS = new City(2988507, "Paris", "FR", 48.85341, 2.3488, 2_100_000, ZoneId.of("Europe/Paris"));
    static final Map<Long, City> CITIES = Map.of(MANILA.id(), MANILA, TORONTO.id(), TORONTO, PARIS.id(), PARIS);

    static ActionForm form(City city, String start, String end) {
        return new ActionForm(
                "PROTEST",
                "Rally",
                "Bring **signs**.",
                "",
                start,
                end,
                "",
                "",
                "City hall",
                "1 Main St",
                Long.toString(city.id()),
                "",
                "",
                false,
                "Step-free entrance");
    }

    static ActionDetails written(ActionForm form) {
        return written(form, CAMPAIGN);
    }

    static ActionDetails written(ActionForm form, PublishedCampaign campaign) {
        return ActionDetails.written(form, campaign, null, id -> Optional.ofNullable(CITIES.get(id)));
    }

    static Map<String, String> refused(ActionForm form, PublishedCampaign campaign) {
        try {
            written(form, campaign);
        } catch (InvalidField problem) {
            return problem.fields().stream()
                    .collect(Collectors.toMap(InvalidField::field, InvalidField::messageKey, (a, b) -> a));
        }
        throw new AssertionError("the form was accepted");
    }

    static Map<String, String> refused(ActionForm form) {
        return refused(form, CAMPAIGN);
    }

    @Test
    void the_twelfth_of_october_is_that_day_in_manila_and_in_toronto_alike() {
        // late on the 12th in Toronto is already the 13th in UTC, the campaign's zone: still the 12th where it happens
        var toronto = written(form(TORONTO, "2026-10-12T20:00", "2026-10-12T23:30"));
        assertThat(toronto.zone()).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(toronto.start().toInstant()).isEqualTo(Instant.parse("2026-10-13T00:00:00Z"));
        var manila = written(form(MANILA, "2026-10-12T00:30", "2026-10-12T02:00"));
        assertThat(manila.start().toInstant()).isEqualTo(Instant.parse("2026-10-11T16:30:00Z"));

        // the 13th in Manila is outside the window, though it is still the 12th in UTC
        assertThat(refused(form(MANILA, "2026-10-13T00:30", "2026-10-13T02:00")))
                .containsEntry("startsAt", "action.outside-window")
                .containsEntry("endsAt", "action.outside-window");
        // and the 6th in Toronto is before it
        assertThat(refused(form(TORONTO, "2026-10-06T23:00", "2026-10-07T01:00")))
                .containsOnlyKeys("startsAt");
    }

    @Test
    void a_time_the_clocks_skip_is_refused_for_its_field() {
        var spring = new PublishedCampaign(
                CAMPAIGN.id(),
                "spring",
                CAMPAIGN.issuer(),
                ZoneId.of("UTC"),
                LocalDate.of(2027, 3, 20),
                LocalDate.of(2027, 4, 2),
                List.of(LocalDate.of(2027, 3, 28)),
                CAMPAIGN.kinds(),
                "en",
                "Spring");
        // 28 March 2027: clocks in Paris go from 02:00 to 03:00
        assertThat(refused(form(PARIS, "2027-03-28T02:30", "2027-03-28T04:00"), spring))
                .containsOnly(Map.entry("startsAt", "time.skipped-by-clock-change"));
        var after = written(form(PARIS, "2027-03-28T03:30", "2027-03-28T04:00"), spring);
        assertThat(after.start().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void every_broken_field_is_named_at_once_and_nothing_is_made() {
        var form = new ActionForm(
                "LETTER",
                "<b>Rally</b>",
                "x".repeat(ActionDetails.DESCRIPTION_MAX + 1),
                "",
                "2026-10-31T25:00",
                "yesterday",
                "Mars/Olympus",
                "http://example.org/call",
                "",
                "",
                "",
                "",
                "",
                false,
                "");
        assertThat(refused(form))
                .containsEntry("kind", "action.kind.not-called-for")
                .containsEntry("title", "action.title.no-html")
                .containsEntry("description", "action.text.too-long")
                .containsEntry("online", "action.online.https-only")
                .containsEntry("timeZone", "action.time-zone.unknown")
                .containsEntry("city", "action.city.required");
    }

    @Test
    void a_place_needs_a_city_of_the_gazetteer_and_a_pin_in_range() {
        var unknown = new ActionForm(
                "PROTEST",
                "Rally",
                "",
                "",
                "2026-10-12T10:00",
                "2026-10-12T12:00",
                "",
                "",
                "",
                "",
                "999999999",
                "",
                "",
                false,
                "");
        assertThat(refused(unknown)).containsEntry("city", "action.city.unknown");
        var far = new ActionForm(
                "PROTEST",
                "Rally",
                "",
                "",
                "2026-10-12T10:00",
                "2026-10-12T12:00",
                "",
                "",
                "",
                "",
                Long.toString(PARIS.id()),
                "91",
                "200",
                false,
                "");
        assertThat(refused(far))
                .containsEntry("latitude", "action.latitude.out-of-range")
                .containsEntry("longitude", "action.longitude.out-of-range");
    }

    @Test
    void an_action_ends_after_it_starts_and_lasts_at_most_fourteen_days() {
        assertThat(refused(form(PARIS, "2026-10-08T12:00", "2026-10-08T11:00")))
                .containsOnly(Map.entry("endsAt", "action.ends-before-start"));
        var long_ = new PublishedCampaign(
                CAMPAIGN.id(),
                "long",
                CAMPAIGN.issuer(),
                ZoneId.of("UTC"),
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31),
                List.of(LocalDate.of(2026, 10, 12)),
                CAMPAIGN.kinds(),
                "en",
                "Long");
        assertThat(refused(form(PARIS, "2026-10-01T12:00", "2026-10-16T12:00"), long_))
                .containsOnly(Map.entry("endsAt", "action.too-long"));
    }

    @Test
    void an_online_action_has_an_https_link_and_a_zone_but_no_place() {
        var online = new ActionForm(
                "ONLINE",
                "Call-in",
                "",
                "",
                "2026-10-12T18:00",
                "2026-10-12T19:00",
                "Asia/Manila",
                "https://meet.example.org/october",
                "",
                "",
                "",
                "",
                "",
                true,
                "Captions");
        var details = written(online);
        assertThat(details.online()).isTrue();
        assertThat(details.place()).isNull();
        assertThat(details.approximate()).as("only a place can be approximate").isFalse();
        var noZone = new ActionForm(
                "ONLINE",
                "Call-in",
                "",
                "",
                "2026-10-12T18:00",
                "2026-10-12T19:00",
                "",
                "https://meet.example.org/october",
                "",
                "",
                "",
                "",
                "",
                false,
                "");
        assertThat(refused(noZone)).containsOnly(Map.entry("timeZone", "action.time-zone.required"));
    }

    @Test
    void an_approximate_place_is_mapped_at_its_citys_centre_and_a_moved_pin_elsewhere() {
        var moved = new ActionForm(
                "PROTEST",
                "Rally",
                "",
                "",
                "2026-10-12T10:00",
                "2026-10-12T12:00",
                "",
                "",
                "Embassy",
                "",
                Long.toString(PARIS.id()),
                "48.8708",
                "2.3050",
                false,
                "");
        var exact = registered(written(moved), false);
        assertThat(exact.mapLatitude()).isEqualTo(48.8708);
        var hidden = new ActionForm(
                moved.kind(),
                moved.title(),
                "",
                "",
                moved.startsAt(),
                moved.endsAt(),
                "",
                "",
                "Embassy",
                "",
                moved.city(),
                "48.8708",
                "2.3050",
                true,
                "");
        var approximate = registered(written(hidden), false);
        assertThat(approximate.mapLatitude()).isEqualTo(PARIS.latitude());
        assertThat(approximate.mapLongitude()).isEqualTo(PARIS.longitude());
    }

    /** A place in Paris shown only by its city, its pin moved, revealed {@code hours} before its start (or never). */
    static ActionForm hiddenPlace(String hours) {
        var base = form(PARIS, "2026-10-12T10:00", "2026-10-12T12:00");
        return new ActionForm(
                base.kind(),
                base.title(),
                "",
                "",
                base.startsAt(),
                base.endsAt(),
                "",
                "",
                "Embassy",
                "",
                base.city(),
                "48.8708",
                "2.3050",
                true,
                "",
                "",
                hours);
    }

    @Test
    void an_approximate_place_is_revealed_to_everyone_the_chosen_hours_before_the_start_and_never_without_them() {
        var start = Instant.parse("2026-10-12T08:00:00Z"); // 10:00 in Paris
        var revealed = registered(written(hiddenPlace("24")), false);
        assertThat(revealed.details().revealAt()).isEqualTo(start.minusSeconds(24 * 3600));
        var before = start.minusSeconds(24 * 3600 + 1);
        assertThat(revealed.details().exactPlacePublicAt(before)).isFalse();
        assertThat(revealed.mapLatitude()).isEqualTo(PARIS.latitude());
        assertThat(revealed.details().exactPlacePublicAt(revealed.details().revealAt()))
                .isTrue();

        var never = registered(written(hiddenPlace("")), false);
        assertThat(never.details().revealAt()).isNull();
        assertThat(never.details().exactPlacePublicAt(start.plusSeconds(3600))).isFalse();

        var atStart = written(hiddenPlace("0"));
        assertThat(atStart.revealAt()).isEqualTo(start);

        var shown = form(PARIS, "2026-10-12T10:00", "2026-10-12T12:00");
        var open = written(new ActionForm(
                shown.kind(),
                shown.title(),
                "",
                "",
                shown.startsAt(),
                shown.endsAt(),
                "",
                "",
                "",
                "",
                shown.city(),
                "",
                "",
                false,
                "",
                "",
                "12"));
        assertThat(open.revealHours())
                .as("only an approximate place is revealed")
                .isNull();
        assertThat(open.exactPlacePublicAt(start.minusSeconds(86_400 * 30))).isTrue();

        assertThat(refused(hiddenPlace("169"), CAMPAIGN)).containsKey("revealHours");
        assertThat(refused(hiddenPlace("-1"), CAMPAIGN)).containsKey("revealHours");
        assertThat(refused(hiddenPlace("a day"), CAMPAIGN)).containsKey("revealHours");
    }

    @Test
    void a_trusted_host_is_approved_at_once_and_an_untrusted_edit_goes_back_to_review() {
        var details = written(form(PARIS, "2026-10-12T10:00", "2026-10-12T12:00"));
        assertThat(registered(details, false).status()).isEqualTo(ActionStatus.PENDING);
        var approved = registered(details, true);
        assertThat(approved.status()).isEqualTo(ActionStatus.APPROVED);

        var edited = approved.edited(details, false, Instant.now());
        assertThat(edited.status()).isEqualTo(ActionStatus.PENDING);
        assertThat(edited.sequence()).isEqualTo(approved.sequence() + 1);
        assertThat(approved.edited(details, true, Instant.now()).status()).isEqualTo(ActionStatus.APPROVED);
    }

    @Test
    void a_cancelled_action_keeps_its_status_and_cannot_be_cancelled_or_edited_again() {
        var details = written(form(PARIS, "2026-10-12T10:00", "2026-10-12T12:00"));
        var cancelled = registered(details, true).cancel(Instant.now());
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.status()).isEqualTo(ActionStatus.APPROVED);
        assertThat(cancelled.sequence()).isEqualTo(1);
        assertThatThrownBy(() -> cancelled.cancel(Instant.now()))
                .isInstanceOf(DomainException.class)
                .extracting("messageKey")
                .isEqualTo("action.cancelled");
        assertThatThrownBy(() -> cancelled.edited(details, true, Instant.now())).isInstanceOf(DomainException.class);
    }

    @Test
    void a_rejection_gives_a_reason() {
        var pending = registered(written(form(PARIS, "2026-10-12T10:00", "2026-10-12T12:00")), false);
        assertThatThrownBy(() -> pending.rejected("  ", Instant.now()))
                .isInstanceOf(InvalidField.class)
                .extracting("field")
                .isEqualTo("reason");
        var rejected = pending.rejected("Not a protest.", Instant.now());
        assertThat(rejected.status()).isEqualTo(ActionStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Not a protest.");
        assertThat(rejected.approved(Instant.now()).status()).isEqualTo(ActionStatus.APPROVED);
    }

    static Action registered(ActionDetails details, boolean trusted) {
        return Action.registered(
                ActionId.random(),
                CAMPAIGN.id(),
                CAMPAIGN.slug(),
                new AccountId(java.util.UUID.randomUUID()),
                details,
                trusted,
                true,
                Instant.now());
    }
}
