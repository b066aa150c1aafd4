package org.chorus.rsvps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chorus.actions.Action;
import org.chorus.actions.ReadingActions;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.organizations.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The thank-you to the people who went: a campaign's organizers write the campaign's next step once
 * ({@link RsvpThanks}); the job {@code thank-rsvps} ({@link RsvpJobs}) mails it to the RSVPs going to each of the
 * campaign's actions {@link #AFTER} its end, once per action ({@code rsvp_thanked}) and once per RSVP (the letter's
 * idempotency key), never to an RSVP that stopped the messages about its action. An action that ended more than
 * {@link #WITHIN} ago when the thank-you was written is not thanked late.
 */
@Service
public class ThankingRsvps {

    /** How long after an action's end its attendees are thanked. */
    public static final Duration AFTER = Duration.ofHours(2);

    /** Actions that ended longer ago than this are left alone. */
    public static final Duration WITHIN = Duration.ofDays(3);

    private static final int PAGE = 200;

    private final Rsvps rsvps;
    private final Rsvping rsvping;
    private final RsvpLetters letters;
    private final ReadingActions actions;
    private final CampaignOrganizers organizers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ThankingRsvps(
            Rsvps rsvps,
            Rsvping rsvping,
            RsvpLetters letters,
            ReadingActions actions,
            CampaignOrganizers organizers,
            TransactionTemplate transactions,
            Clock clock) {
        this.rsvps = rsvps;
        this.rsvping = rsvping;
        this.letters = letters;
        this.actions = actions;
        this.organizers = organizers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The organizers' page: the campaign and its thank-you (empty when none is written). */
    public record Managed(PublishedCampaign campaign, RsvpThanks thanks) {}

    @Transactional(readOnly = true)
    public Managed managed(Actor actor, String slug, String language) {
        var campaign = organized(actor, slug, language);
        return new Managed(campaign, rsvps.thanks(campaign.id()).orElse(RsvpThanks.NONE));
    }

    /** Writes the campaign's thank-you (empty words: none); 422 with the fields at fault, nothing stored. */
    @Transactional
    public void save(Actor actor, String slug, String text, String link) {
        var campaign = organized(actor, slug, null);
        rsvps.saveThanks(campaign.id(), RsvpThanks.written(text, link), clock.instant());
    }

    /** Thanks the attendees of the actions that ended long enough ago; returns how many letters were queued. */
    public int sendDue() {
        return sendDue(clock.instant());
    }

    /** The same at {@code now} (tests move it past an action's end without moving the clock). */
    int sendDue(Instant now) {
        var from = now.minus(WITHIN);
        var to = now.minus(AFTER);
        int sent = 0;
        while (true) {
            List<Action> ended = actions.endedBetween(from, to, PAGE);
            if (ended.isEmpty()) {
                return sent;
            }
            var thanks = rsvps.thanksOf(
                    ended.stream().map(Action::campaign).distinct().toList());
            var thanked = rsvps.thanked(ended.stream().map(Action::id).toList());
            for (var action : ended) {
                var words = thanks.get(action.campaign());
                if (words != null && !thanked.contains(action.id())) {
                    sent += transactions.execute(status -> thank(action, words, now));
                }
            }
            var last = ended.getLast().details().end().toInstant();
            if (ended.size() < PAGE || !last.isAfter(from)) {
                return sent;
            }
            from = last;
        }
    }

    /** One action's attendees, in one transaction with the mark that it is done. */
    private int thank(Action action, RsvpThanks words, Instant now) {
        if (!rsvps.markThanked(action.id(), now)) {
            return 0;
        }
        int sent = 0;
        for (var rsvp : rsvps.current(action.id(), true)) {
            var contact = rsvping.contact(rsvp);
            if (contact != null && !rsvp.unsubscribed()) {
                letters.thanks(action, rsvp, contact, words);
                sent++;
            }
        }
        return sent;
    }

    private PublishedCampaign organized(Actor actor, String slug, String language) {
        return organizers.organized(actor, slug, language, "rsvp.thanks.organizers-only");
    }
}
