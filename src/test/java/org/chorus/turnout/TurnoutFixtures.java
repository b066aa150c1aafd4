package org.chorus.turnout;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.chorus.actions.Action;
import org.chorus.actions.ActionForm;
import org.chorus.actions.ActionId;
import org.chorus.actions.HostFormStamps;
import org.chorus.actions.HostingActions;
import org.chorus.actions.HostingByEmail;
import org.chorus.actions.ModeratingActions;
import org.chorus.campaigns.CampaignFixtures;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.campaigns.WritingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;

/**
 * Actions that are over, made through the real use cases: a published campaign that began three days ago, and
 * protests yesterday from 10:00 to 12:00 in their city's zone (Paris, Berlin), hosted with an account or without one.
 */
@TestComponent
@Lazy
public class TurnoutFixtures {

    public static final long PARIS = 2988507;
    public static final long BERLIN = 2950159;

    private static final java.util.concurrent.atomic.AtomicInteger NETWORKS =
            new java.util.concurrent.atomic.AtomicInteger();

    private final WritingCampaigns campaigns;
    private final ReadingCampaigns readingCampaigns;
    private final HostingActions hosting;
    private final ModeratingActions moderating;
    private final HostingByEmail byEmail;
    private final HostFormStamps stamps;
    private final TestClock clock;
    private final AskingForTurnout asking;
    private final FilingTurnoutReports filing;

    TurnoutFixtures(
            WritingCampaigns campaigns,
            ReadingCampaigns readingCampaigns,
            HostingActions hosting,
            ModeratingActions moderating,
            HostingByEmail byEmail,
            HostFormStamps stamps,
            TestClock clock,
            AskingForTurnout asking,
            FilingTurnoutReports filing) {
        this.asking = asking;
        this.filing = filing;
        this.campaigns = campaigns;
        this.readingCampaigns = readingCampaigns;
        this.hosting = hosting;
        this.moderating = moderating;
        this.byEmail = byEmail;
        this.stamps = stamps;
        this.clock = clock;
    }

    /** A published campaign (UTC) from three days ago to twenty days ahead, whose day of action was yesterday. */
    public String campaign(Actor owner, Organization issuer) {
        var form = CampaignFixtures.form(
                today(), org.chorus.support.Fixtures.unique("Past campaign"), -3, 20, List.of(-1), "", "");
        return campaigns
                .publish(owner, campaigns.create(owner, issuer.id(), form).slug())
                .slug();
    }

    /** A protest yesterday in the city, 10:00 to 12:00 there. */
    public ActionForm yesterday(String title, long city) {
        var day = today().minusDays(1);
        return new ActionForm(
                "PROTEST",
                title,
                "Bring a sign.",
                "",
                day + "T10:00",
                day + "T12:00",
                "",
                "",
                "Main square",
                "",
                Long.toString(city),
                "",
                "",
                false,
                "");
    }

    /** An action that was yesterday, approved: the owner's approves the host's if it waits. */
    public Action ended(Actor host, Actor owner, String campaignSlug, String title, long city) {
        var action = hosting.register(host, campaignSlug, yesterday(title, city));
        if (!action.isPublic()) {
            moderating.approve(owner, campaignSlug, List.of(action.id()));
        }
        return action;
    }

    /** An action that was yesterday, registered by a host without an account at this address, approved. */
    public ActionId endedWithoutAccount(Actor owner, String campaignSlug, String title, String email) {
        var campaign = readingCampaigns.published(campaignSlug, null).orElseThrow();
        var stamp = stamps.issue(campaign.id());
        clock.advance(Duration.ofSeconds(4));
        byEmail.submit(
                campaignSlug,
                yesterday(title, PARIS),
                "Nour Haddad",
                email,
                new HostingByEmail.Signals("", stamp, "172.31." + NETWORKS.incrementAndGet() % 250 + ".7"),
                Language.ENGLISH);
        var confirm = ReceivedMail.linkPath(TestMail.awaitOne(email), "/actions/confirm/");
        var token = confirm.substring(confirm.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        var confirmation = byEmail.confirm(token);
        moderating.approve(owner, campaignSlug, List.of(confirmation.action()));
        return confirmation.action();
    }

    /** The token of the report link mailed to a host without an account, once the job asked for the report. */
    public String reportToken(Actor owner, String campaignSlug) {
        var email = org.chorus.support.Fixtures.uniqueEmail("linkhost");
        endedWithoutAccount(owner, campaignSlug, org.chorus.support.Fixtures.unique("By link"), email);
        asking.askHosts();
        var letter = org.awaitility.Awaitility.await()
                .until(
                        () -> TestMail.to(email).stream()
                                .filter(m -> ReceivedMail.text(m).contains("/turnout/report/"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        var path = ReceivedMail.linkPath(letter, "/turnout/report/");
        return path.substring(path.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    /** The file name of a photo of a visible report the owner filed, as served under /turnout/photos/. */
    public String photoName(Actor owner, String campaignSlug) {
        var action = ended(owner, owner, campaignSlug, org.chorus.support.Fixtures.unique("Photographed"), PARIS);
        var report = filing.file(
                owner,
                action.id(),
                new TurnoutForm("12", "", List.of("A photo"), List.of()),
                List.of(new TurnoutForm.Upload(org.chorus.images.TestImages.png(16, 12), "A photo")));
        var path = report.photos().getFirst().path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
