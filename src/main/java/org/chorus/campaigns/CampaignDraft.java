package org.chorus.campaigns;

import java.util.List;

/**
 * A campaign as its editors write it, field by field as the form sends it; {@link WritingCampaigns} checks every field
 * and reports the broken ones together. {@code demands}, {@code partners} (organizations' addresses) and
 * {@code statements} (statements' addresses) are one a line; {@code daysOfAction} one date (yyyy-mm-dd) each.
 */
public record CampaignDraft(
        String language,
        String title,
        String summary,
        String call,
        String demands,
        String timeZone,
        String startsOn,
        String endsOn,
        List<String> daysOfAction,
        List<String> kinds,
        String partners,
        String statements) {

    public CampaignDraft {
        daysOfAction = daysOfAction == null ? List.of() : List.copyOf(daysOfAction);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    /** The non-blank lines of a field, stripped. */
    static List<String> lines(String value) {
        return value == null
                ? List.of()
                : value.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
    }
}
