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

    private static final java.util.concurrent.atomic.AtomicInteger NETWORKS =
            new java.util.concurrent.atomic.AtomicInteger();

    private final HostingActions hosting;
    private final org.chorus.campaigns.WritingCampaigns campaigns;
    private final Clock clock;
    private final org.springframework.context.ApplicationContext context;

    ActionFixtures(
            HostingActions hosting,
            org.chorus.campaigns.WritingCampaigns campaigns,
            Clock clock,
            org.springframework.context.ApplicationContext context) {
        this.hosting = hosting;
        this.campaigns = campaigns;
        this.clock = clock;
        this.context = context;
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
        return changed(form, organization, form.description(), form.startsAt(), form.endsAt());
    }

    /** The same form with another description. */
    public static ActionForm described(ActionForm form, String description) {
        return changed(form, form.organization(), description, form.startsAt(), form.endsAt());
    }

    /**
     * The same form, its place shown publicly by its city alone when {@code approximate}, at {@code address}, the exact
     * place revealed {@code revealHours} before the start (blank: never).
     */
    public static ActionForm approximate(ActionForm form, boolean approximate, String address, String revealHours) {
        return new ActionForm(
                form.kind(),
                form.title(),
                form.description(),
                form.organization(),
                form.startsAt(),
                form.endsAt(),
                form.timeZone(),
                form.online(),
                form.venue(),
                address,
                form.city(),
                form.latitude(),
                form.longitude(),
                approximate,
                form.accessibility(),
                form.cosponsors(),
                revealHours);
    }

    /** The same form, 10:00 to 12:00 on another day. */
    public static ActionForm on(ActionForm form, LocalDate day) {
        return changed(form, form.organization(), form.description(), day + "T10:00", day + "T12:00");
    }

    private static ActionForm changed(
            ActionForm form, String organization, String description, String startsAt, String endsAt) {
        return new ActionForm(
                form.kind(),
                form.title(),
                description,
                organization,
                startsAt,
                endsAt,
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

    /**
     * The path of the confirmation link mailed for a form of a host without an account, sent a few seconds after the
     * form came (the test clock moves), from a network of its own.
     */
    public String confirmationPath(String campaignSlug, String title, String email) {
        var byEmail = context.getBean(HostingByEmail.class);
        var campaign = context.getBean(org.chorus.campaigns.ReadingCampaigns.class)
                .published(campaignSlug, null)
                .orElseThrow();
        var stamp = context.getBean(HostFormStamps.class).issue(campaign.id());
        context.getBean(org.chorus.support.TestClock.class).advance(java.time.Duration.ofSeconds(4));
        byEmail.submit(
                campaignSlug,
                form(title),
                "Nour Haddad",
                email,
                new HostingByEmail.Signals("", stamp, network(NETWORKS.incrementAndGet())),
                org.chorus.shared.i18n.Language.ENGLISH);
        return org.chorus.support.ReceivedMail.linkPath(
                org.chorus.support.TestMail.awaitOne(email), "/actions/confirm/");
    }

    /** A network of its own (one /24 each) for the n-th form, so no rate limit counts them together. */
    private static String network(int n) {
        return "172." + (16 + n / 250 % 16) + "." + (n % 250) + ".9";
    }

    /** The token of the manage link of a confirmed action of a host without an account. */
    public String manageToken(String campaignSlug, String title) {
        var email = org.chorus.support.Fixtures.uniqueEmail("host");
        var confirm = confirmationPath(campaignSlug, title, email);
        context.getBean(HostingByEmail.class).confirm(token(confirm));
        return token(org.chorus.support.ReceivedMail.linkPath(
                org.chorus.support.TestMail.await(email, 2).get(1), "/actions/manage/"));
    }

    /** The token of a link path like {@code /actions/confirm/<token>?lang=en}. */
    public static String token(String path) {
        var token = path.substring(path.lastIndexOf('/') + 1);
        int query = token.indexOf('?');
        return query < 0 ? token : token.substring(0, query);
    }

    /** An action registered by the host: approved at once when the host organizes the campaign, else pending. */
    public Action registered(Actor host, String campaignSlug, String title) {
        return hosting.register(host, campaignSlug, form(title));
    }
}
