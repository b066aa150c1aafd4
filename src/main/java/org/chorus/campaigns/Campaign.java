package org.chorus.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.TimeZones;
import org.chorus.shared.DomainException;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.FormDates;
import org.chorus.shared.InvalidField;
import org.chorus.statements.StatementId;

/**
 * A campaign an organization calls: a window of local dates in the campaign's own time zone, the days of action inside
 * it, the kinds of action it asks for, its partners and the statements it rests on. It sets its own initial state
 * ({@link #draft}) and guards its transitions (draft → published → withdrawn), throwing {@code campaign.*} when a rule
 * does not allow one.
 */
public record Campaign(
        CampaignId id,
        String slug,
        OrganizationId issuer,
        String originalLanguage,
        CampaignStatus status,
        Plan plan,
        Instant publishedAt,
        Instant withdrawnAt,
        String withdrawalNote,
        Instant createdAt,
        Instant updatedAt) {

    /** The longest window a campaign may have, in days (a year, leap day included). */
    public static final int LONGEST_WINDOW_DAYS = 366;
    /** At most this many days of action. */
    public static final int MOST_DAYS_OF_ACTION = 31;
    /** At most this many partners, and this many related statements. */
    public static final int MOST_PARTNERS = 50;

    public static final int MOST_RELATED = 10;

    /**
     * When and how the campaign happens, checked: a known time zone, an end on or after the start at most {@link
     * #LONGEST_WINDOW_DAYS} days later, one to {@link #MOST_DAYS_OF_ACTION} distinct days of action inside the window
     * (kept in date order), the kinds of action in their enum order, partners and statements without repeats. Every
     * date is a local date in {@code zone}: no daylight-saving change moves one.
     */
    public record Plan(
            ZoneId zone,
            LocalDate startsOn,
            LocalDate endsOn,
            List<LocalDate> daysOfAction,
            List<ActionKind> kinds,
            List<OrganizationId> partners,
            List<StatementId> statements) {

        public Plan {
            daysOfAction = List.copyOf(new TreeSet<>(daysOfAction));
            kinds = kinds.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(kinds));
            partners = List.copyOf(new LinkedHashSet<>(partners));
            statements = List.copyOf(new LinkedHashSet<>(statements));
        }

        /**
         * The plan as a form gives it: each broken field reported together with the others ({@code timeZone},
         * {@code startsOn}, {@code endsOn}, {@code daysOfAction}, {@code kinds}), and nothing made.
         */
        public static Plan of(
                String timeZone,
                String startsOn,
                String endsOn,
                List<String> daysOfAction,
                List<String> kinds,
                List<OrganizationId> partners,
                List<StatementId> statements) {
            var checks = new FieldChecks();
            var zone = checks.check(() -> zone(timeZone));
            var start = checks.check(() -> required("startsOn", startsOn));
            var end = checks.check(() -> required("endsOn", endsOn));
            if (start != null && end != null) {
                checks.check(() -> window(start, end));
            }
            var days = checks.check(() -> days(daysOfAction, start, end));
            var chosen = checks.check(() -> kinds(kinds));
            checks.check(() -> {
                if (partners.size() > MOST_PARTNERS) {
                    throw new InvalidField("partners", "campaign.partners.too-many", MOST_PARTNERS);
                }
            });
            checks.check(() -> {
                if (statements.size() > MOST_RELATED) {
                    throw new InvalidField("statements", "campaign.statements.too-many", MOST_RELATED);
                }
            });
            checks.done();
            return new Plan(zone, start, end, days, chosen, partners, statements);
        }

        /** Whether the date falls in the window. */
        public boolean covers(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }

        private static ZoneId zone(String typed) {
            var id = typed == null ? "" : typed.strip();
            if (!TimeZones.choices().contains(id)) {
                throw new InvalidField("timeZone", "campaign.time-zone.invalid");
            }
            return ZoneId.of(id);
        }

        private static LocalDate required(String field, String text) {
            var date = FormDates.date(field, text, "campaign.date.invalid");
            if (date == null) {
                throw new InvalidField(field, "campaign.date.required");
            }
            return date;
        }

        private static Void window(LocalDate start, LocalDate end) {
            if (end.isBefore(start)) {
                throw new InvalidField("endsOn", "campaign.window.ends-before-start");
            }
            if (ChronoUnit.DAYS.between(start, end) + 1 > LONGEST_WINDOW_DAYS) {
                throw new InvalidField("endsOn", "campaign.window.too-long", LONGEST_WINDOW_DAYS);
            }
            return null;
        }

        private static List<LocalDate> days(List<String> typed, LocalDate start, LocalDate end) {
            var days = new ArrayList<LocalDate>();
            for (var text : typed) {
                if (text == null || text.isBlank()) {
                    continue;
                }
                var day = FormDates.date("daysOfAction", text, "campaign.day.invalid");
                if (days.contains(day)) {
                    throw new InvalidField("daysOfAction", "campaign.day.repeated", day.toString());
                }
                if (start != null && end != null && (day.isBefore(start) || day.isAfter(end))) {
                    throw new InvalidField("daysOfAction", "campaign.day.outside-window", day.toString());
                }
                days.add(day);
            }
            if (days.isEmpty()) {
                throw new InvalidField("daysOfAction", "campaign.day.required");
            }
            if (days.size() > MOST_DAYS_OF_ACTION) {
                throw new InvalidField("daysOfAction", "campaign.day.too-many", MOST_DAYS_OF_ACTION);
            }
            return days;
        }

        private static List<ActionKind> kinds(List<String> typed) {
            var kinds = new ArrayList<ActionKind>();
            for (var name : typed) {
                try {
                    kinds.add(ActionKind.valueOf(name.strip()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new InvalidField("kinds", "campaign.kinds.invalid");
                }
            }
            if (kinds.isEmpty()) {
                throw new InvalidField("kinds", "campaign.kinds.required");
            }
            return kinds;
        }
    }

    /** Where the campaign stands on a given day, read in its own time zone. */
    public enum Phase {
        UPCOMING,
        RUNNING,
        ENDED
    }

    /** A new campaign: a draft the organization's editors change freely until an owner publishes it. */
    public static Campaign draft(
            CampaignId id, String slug, OrganizationId issuer, String language, Plan plan, Instant now) {
        return new Campaign(id, slug, issuer, language, CampaignStatus.DRAFT, plan, null, null, null, now, now);
    }

    public boolean isPublic() {
        return status == CampaignStatus.PUBLISHED;
    }

    /** Editors change a draft or a published campaign; a withdrawn one stays as it was. */
    public Campaign planned(Plan changed, Instant now) {
        requireEditable();
        return new Campaign(
                id,
                slug,
                issuer,
                originalLanguage,
                status,
                changed,
                publishedAt,
                withdrawnAt,
                withdrawalNote,
                createdAt,
                now);
    }

    /** Its words may change (and be translated) unless it was withdrawn. */
    public void requireEditable() {
        require(status != CampaignStatus.WITHDRAWN, "campaign.locked-withdrawn");
    }

    /** An owner publishes a draft: it is public, listed and in the feeds from now on. */
    public Campaign publish(Instant now) {
        require(status == CampaignStatus.DRAFT, "campaign.publish-only-drafts");
        return new Campaign(
                id, slug, issuer, originalLanguage, CampaignStatus.PUBLISHED, plan, now, null, null, createdAt, now);
    }

    /** An owner withdraws a published campaign, saying why: it stays at its address with the reason, unlisted. */
    public Campaign withdraw(String note, Instant now) {
        require(status == CampaignStatus.PUBLISHED, "campaign.withdraw-only-published");
        if (note == null || note.isBlank()) {
            throw new InvalidField("note", "campaign.withdrawal-note.required");
        }
        if (note.strip().length() > 1000) {
            throw new InvalidField("note", "campaign.withdrawal-note.too-long", 1000);
        }
        return new Campaign(
                id,
                slug,
                issuer,
                originalLanguage,
                CampaignStatus.WITHDRAWN,
                plan,
                publishedAt,
                now,
                note.strip(),
                createdAt,
                now);
    }

    /** Before its first day, during its window, or after it, on {@code today} in the campaign's time zone. */
    public Phase phase(LocalDate today) {
        if (today.isBefore(plan.startsOn())) {
            return Phase.UPCOMING;
        }
        return today.isAfter(plan.endsOn()) ? Phase.ENDED : Phase.RUNNING;
    }

    /** Today's date where the campaign is run (its time zone), at this moment. */
    public LocalDate today(Instant now) {
        return now.atZone(plan.zone()).toLocalDate();
    }

    /** The next day of action on or after {@code today}, or null when all have passed. */
    public LocalDate nextDayOfAction(LocalDate today) {
        return plan.daysOfAction().stream()
                .filter(day -> !day.isBefore(today))
                .findFirst()
                .orElse(null);
    }

    /** The same campaign at another address, before it is first stored (its first choice was taken meanwhile). */
    Campaign withSlug(String other) {
        return new Campaign(
                id,
                other,
                issuer,
                originalLanguage,
                status,
                plan,
                publishedAt,
                withdrawnAt,
                withdrawalNote,
                createdAt,
                updatedAt);
    }

    private static void require(boolean allowed, String key) {
        if (!allowed) {
            throw DomainException.conflict(key);
        }
    }
}
