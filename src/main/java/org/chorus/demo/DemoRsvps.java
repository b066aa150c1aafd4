package org.chorus.demo;

import java.util.List;
import org.chorus.actions.ActionFilter;
import org.chorus.actions.ReadingActions;
import org.chorus.organizations.Actor;
import org.chorus.rsvps.ManagingRsvps;
import org.chorus.rsvps.RsvpSettings;
import org.chorus.rsvps.Rsvping;
import org.chorus.shared.i18n.Language;
import org.springframework.stereotype.Component;

/**
 * The demo's RSVPs: the demo people going to the first actions of the campaign's list, with guests, and one action
 * with a capacity of 3, a question and instructions, full, with two people on its waitlist (cancel the first RSVP
 * from its letter in /dev/mail to see one promoted).
 */
@Component
class DemoRsvps {

    private final ReadingActions actions;
    private final Rsvping rsvping;
    private final ManagingRsvps managing;

    DemoRsvps(ReadingActions actions, Rsvping rsvping, ManagingRsvps managing) {
        this.actions = actions;
        this.rsvping = rsvping;
        this.managing = managing;
    }

    /** RSVPs of these people (the first is the campaign's organizer) to the campaign's first approved actions. */
    void seed(String campaignSlug, List<Actor> people) {
        var listed =
                actions.list(campaignSlug, ActionFilter.parse(null, null, null, false), null, "en").actions().stream()
                        .filter(a -> !a.cancelled())
                        .limit(6)
                        .toList();
        if (listed.isEmpty()) {
            return;
        }
        var full = listed.getFirst();
        managing.change(
                people.getFirst(),
                full.id(),
                new RsvpSettings(3, List.of("Will you bring a banner?"), "Meet at the fountain, 15 minutes early."));
        for (int i = 0; i < people.size(); i++) {
            // the first takes all three places with two guests; the others wait
            rsvping.rsvp(
                    people.get(i),
                    full.id(),
                    new Rsvping.Answers(i == 0 ? "2" : "0", List.of("Yes")),
                    Language.ENGLISH);
        }
        for (int a = 1; a < listed.size(); a++) {
            for (int i = 0; i < people.size(); i++) {
                if ((a + i) % 2 == 0) {
                    rsvping.rsvp(
                            people.get(i),
                            listed.get(a).id(),
                            new Rsvping.Answers(Integer.toString((a + i) % 4), List.of()),
                            Language.ENGLISH);
                }
            }
        }
    }
}
