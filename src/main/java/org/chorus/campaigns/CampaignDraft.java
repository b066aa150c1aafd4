package org.chorus.campaigns;

import java.util.List;
import java.util.Objects;

/**
 * A campaign as its editors write it, field by field as the form sends it (Spring binds it by its components' names; a
 * missing field is blank), kept to show the form again when refused; {@link WritingCampaigns} checks every field and
 * reports the broken ones together. {@code demands}, {@code partners} (organizations' addresses) and
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
        language = Objects.toString(language, "");
        title = Objects.toString(title, "");
        summary = Objects.toString(summary, "");
        call = Objects.toString(call, "");
        demands = Objects.toString(demands, "");
        timeZone = Objects.toString(timeZone, "");
        startsOn = Objects.toString(startsOn, "");
        endsOn = Objects.toString(endsOn, "");
        daysOfAction = daysOfAction == null
                ? List.of()
                : daysOfAction.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .toList();
        kinds = kinds == null
                ? List.of()
                : kinds.stream().filter(Objects::nonNull).toList();
        partners = Objects.toString(partners, "");
        statements = Objects.toString(statements, "");
    }

    /** An empty form in a language, with the time zone offered first (the organization's). */
    public static CampaignDraft blank(String language, String timeZone) {
        return new CampaignDraft(language, null, null, null, null, timeZone, null, null, null, null, null, null);
    }

    /** Whether the draft calls for this kind of action (a ticked box). */
    public boolean calls(ActionKind kind) {
        return kinds.contains(kind.name());
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

    /** The campaign as it is, in its original language, as its edit form shows it (and the API changes it). */
    public static CampaignDraft of(CampaignPage page) {
        var c = page.campaign();
        var p = c.plan();
        var original = page.translations().getFirst();
        return new CampaignDraft(
                c.originalLanguage(),
                original.title(),
                original.summary(),
                original.call(),
                String.join("\n", original.demands()),
                p.zone().getId(),
                p.startsOn().toString(),
                p.endsOn().toString(),
                p.daysOfAction().stream().map(Object::toString).toList(),
                p.kinds().stream().map(ActionKind::name).toList(),
                String.join(
                        "\n",
                        page.partners().stream()
                                .map(org.chorus.organizations.Organization::slug)
                                .toList()),
                String.join(
                        "\n",
                        page.statements().stream()
                                .map(org.chorus.statements.StatementLink::slug)
                                .toList()));
    }
}
