package org.chorus.campaigns.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.chorus.campaigns.ActionKind;
import org.chorus.campaigns.CampaignDraft;
import org.chorus.campaigns.CampaignPage;
import org.chorus.organizations.Organization;
import org.chorus.statements.StatementLink;

/**
 * The campaign form as written, kept to show it again when refused. Spring binds it by its components' names; a missing
 * field is blank. Days of action are one date input each: the form shows one empty input more than it has dates, and
 * its "add a day" button ({@code addDay}) shows the form again with one more, without JavaScript and without saving.
 */
public record CampaignForm(
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

    /** The form always offers at least this many date inputs for days of action. */
    static final int DAY_INPUTS = 2;

    public CampaignForm {
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

    static CampaignForm blank(String language, String timeZone) {
        return new CampaignForm(language, "", "", "", "", timeZone, "", "", List.of(), List.of(), "", "");
    }

    /** The form filled with the campaign as it is, in its original language. */
    static CampaignForm of(CampaignPage page) {
        var c = page.campaign();
        var p = c.plan();
        var original = page.translations().getFirst();
        return new CampaignForm(
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
                page.partners().stream().map(Organization::slug).collect(Collectors.joining("\n")),
                page.statements().stream().map(StatementLink::slug).collect(Collectors.joining("\n")));
    }

    CampaignDraft draft() {
        return new CampaignDraft(
                language,
                title,
                summary,
                call,
                demands,
                timeZone,
                startsOn,
                endsOn,
                daysOfAction,
                kinds,
                partners,
                statements);
    }

    /** The date inputs to show: the dates written, then empty ones up to one more (and {@code extra} more). */
    List<String> dayInputs(int extra) {
        var inputs =
                new ArrayList<>(daysOfAction.stream().filter(d -> !d.isEmpty()).toList());
        int wanted = Math.max(DAY_INPUTS, inputs.size() + 1) + extra;
        while (inputs.size() < wanted) {
            inputs.add("");
        }
        return inputs;
    }

    public boolean calls(ActionKind kind) {
        return kinds.contains(kind.name());
    }
}
