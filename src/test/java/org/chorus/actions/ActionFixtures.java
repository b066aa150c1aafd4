package org.chorus.actions;

import java.time.Clock;
import java.time.LocalDate;
import org.chorus.organizations.Actor;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;

/**
 * Actions made through the real use cases, in Paris 15 days from today, under a campaign of {@link #campaign} or of
 * {@code CampaignFixtures} (both in UTC, to 24 days from today, calling for protests and online actions).
 */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class ActionFixtures {

    /** Paris in the bundled gazetteer (GeoNames). */
    public static final long PARIS = 2988507;

    private final HostingActions hosting;
    private final org.chorus.campaigns.WritingCampaigns campaigns;
    private final Clock clock;

    ActionFixtures(HostingActions hosting, org.chorus.campaigns.WritingCampaigns campaigns, Clock clock) {
        this.hosting = hosting;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /**
     * A published campaign of the organization from tomorrow to 24 days from today (UTC), calling for protests and
     * online actions; it starts before those other tests make, so it never pushes theirs off the home page.
     */
    public String campaign(Actor owner, org.chorus.organizations.Organization issuer) {
        var form = org.chorus.campaigns.CampaignFixtures.form(
                LocalDate.now(clock),
                org.chorus.support.Fixtures.unique("Campaign"),
                1,
                24,
                java.util.List.of(15, 16),
                "",
                "");
        return campaigns
                .publish(owner, campaigns.create(owner, issuer.id(), form).slug())
                .slug();
    }

    /** A protest in Paris, 10:00 to 12:00 on the campaign's 15th day from today. */
    public static ActionForm form(LocalDate today, String title) {
        var day = today.plusDays(15);
        return new ActionForm(
                "PROTEST",
                title,
                "Bring a sign.",
                "",
                day + "T10:00",
                day + "T12:00",
                "",
                "",
                "Place de la République",
                "",
                Long.toString(PARIS),
                "",
                "",
                false,
                "");
    }

    /** The same form with a hosting organization (its address). */
    public static ActionForm hostedBy(ActionForm form, String organization) {
        return new ActionForm(
                form.kind(),
                form.title(),
                form.description(),
                organization,
                form.startsAt(),
                form.endsAt(),
                form.timeZone(),
                form.online(),
                form.venue(),
                form.address(),
                form.city(),
                form.latitude(),
                form.longitude(),
                form.approximate(),
                form.accessibility());
    }

    public ActionForm form(String title) {
        return form(LocalDate.now(clock), title);
    }

    /** An action registered by the host: approved at once when the host organizes the campaign, else pending. */
    public Action registered(Actor host, String campaignSlug, String title) {
        return hosting.register(host, campaignSlug, form(title));
    }
}
