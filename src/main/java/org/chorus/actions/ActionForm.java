package org.chorus.actions;

/**
 * An action as its form sends it, every field as typed: {@code startsAt} and {@code endsAt} are local date-times
 * ({@code 2026-10-12T18:00}) in {@code timeZone} (blank: the city's zone); {@code city} is a GeoNames id from the
 * suggestions; {@code latitude} and {@code longitude}, when given, move the pin; {@code organization} is the address
 * of the hosting organization, or blank; {@code approximate} is null when its box is not ticked; {@code cosponsors}
 * names co-sponsoring organizations by their addresses, one a line or separated by commas; {@code revealHours} is how
 * many hours before the start an approximate place is shown to everyone (blank: never).
 */
public record ActionForm(
        String kind,
        String title,
        String description,
        String organization,
        String startsAt,
        String endsAt,
        String timeZone,
        String online,
        String venue,
        String address,
        String city,
        String latitude,
        String longitude,
        Boolean approximate,
        String accessibility,
        String cosponsors,
        String revealHours) {

    /** The form without co-sponsors and without a reveal. */
    public ActionForm(
            String kind,
            String title,
            String description,
            String organization,
            String startsAt,
            String endsAt,
            String timeZone,
            String online,
            String venue,
            String address,
            String city,
            String latitude,
            String longitude,
            Boolean approximate,
            String accessibility) {
        this(
                kind,
                title,
                description,
                organization,
                startsAt,
                endsAt,
                timeZone,
                online,
                venue,
                address,
                city,
                latitude,
                longitude,
                approximate,
                accessibility,
                "",
                "");
    }

    /** An empty form for the page that starts one. */
    public static ActionForm empty() {
        return new ActionForm("", "", "", "", "", "", "", "", "", "", "", "", "", false, "", "", "");
    }
}
