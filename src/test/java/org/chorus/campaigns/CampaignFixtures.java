package org.chorus.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;

/** Campaigns made through the real use cases, by an owner of the issuing organization. */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class CampaignFixtures {

    private final WritingCampaigns writing;
    private final Clock clock;

    CampaignFixtures(WritingCampaigns writing, Clock clock) {
        this.writing = writing;
        this.clock = clock;
    }

    /** Today in UTC by the test clock: campaigns' dates in tests are counted from it. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The form of a campaign from {@code start} to {@code end} (days from today) with days of action on these days
     * from today, calling for protests and online actions, with three demands.
     */
    public static CampaignDraft form(
            LocalDate today, String title, int start, int end, List<Integer> days, String partners, String statements) {
        return new CampaignDraft(
                "en",
                title,
                "Two weeks of action for a fair climate deal.",
                "We call on every government to **act now**.\nJoin us.",
                "Cancel the debt\nPay for loss and damage\nEnd fossil subsidies",
                "UTC",
                today.plusDays(start).toString(),
                today.plusDays(end).toString(),
                days.stream().map(d -> today.plusDays(d).toString()).toList(),
                List.of("PROTEST", "ONLINE"),
                partners,
                statements);
    }

    public Campaign draft(Actor writer, Organization issuer, String title) {
        return writing.create(writer, issuer.id(), form(today(), title, 10, 24, List.of(15, 16), "", ""));
    }

    public Campaign published(Actor owner, Organization issuer, String title) {
        return writing.publish(owner, draft(owner, issuer, title).slug());
    }
}
