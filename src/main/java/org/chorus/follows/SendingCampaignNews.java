package org.chorus.follows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chorus.actions.NearbyActions;
import org.chorus.email.Addressee;
import org.chorus.email.Mail;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters to the followers of campaigns: a day (or a week) after a follower's last letter or confirmation, the
 * campaign's actions first approved since then, everywhere or near the city they chose; with none, no letter, and the
 * period starts again. A day of action brings hundreds of actions: a follower gets one letter of them, never one each.
 * Each letter is queued once (its idempotency key names the follow and the moment), in the run's transaction with the
 * new moment of the follow's last letter.
 */
@Service
public class SendingCampaignNews {

    /** A letter never reaches further back than this, whatever happened to the job meanwhile. */
    static final Duration LONGEST = Duration.ofDays(31);

    static final int FOLLOWS_PER_ROUND = 500;
    static final int ITEMS_MAX = 50;

    private final Follows follows;
    private final NearbyActions actions;
    private final FollowLetters letters;
    private final FollowLinks links;
    private final PersonalData personalData;
    private final Mail mail;
    private final Clock clock;

    SendingCampaignNews(
            Follows follows,
            NearbyActions actions,
            FollowLetters letters,
            FollowLinks links,
            PersonalData personalData,
            Mail mail,
            Clock clock) {
        this.follows = follows;
        this.actions = actions;
        this.letters = letters;
        this.links = links;
        this.personalData = personalData;
        this.mail = mail;
        this.clock = clock;
    }

    /** Sends every letter that is due; returns how many were queued. */
    @Transactional
    public int sendDue() {
        var now = clock.instant();
        int queued = 0;
        while (true) {
            var due = follows.dueCampaignNews(now, FOLLOWS_PER_ROUND);
            if (due.isEmpty()) {
                return queued;
            }
            for (var follow : due) {
                var campaign = follow.target().campaign();
                var near = campaign.near();
                var found = actions.firstApproved(
                        campaign.id(),
                        since(follow, now),
                        now,
                        near == null ? null : near.city(),
                        near == null ? 0 : near.kilometres(),
                        ITEMS_MAX);
                if (found.isEmpty()) {
                    continue;
                }
                var language = FollowLetters.language(follow.language());
                var targetName = letters.targetName(language, follow.target(), java.util.Map.of());
                var letter = letters.campaignNews(
                        language,
                        targetName,
                        letters.reason(language, follow.target(), false, targetName),
                        campaign.slug(),
                        found);
                mail.send(
                        letter,
                        new Addressee(
                                personalData.open(follow.sealedEmail(), Following.EMAIL_COLUMN),
                                null,
                                "follows.campaign:" + follow.follow() + ":" + now.getEpochSecond(),
                                links.subscription(follow.follow(), follow.tokenHash())));
                queued++;
            }
            follows.digested(due.stream().map(Follows.Recipient::follow).toList(), now);
        }
    }

    private static Instant since(Follows.Recipient follow, Instant now) {
        var oldest = now.minus(LONGEST);
        var last = follow.lastDigestAt();
        return last == null || last.isBefore(oldest) ? oldest : last;
    }
}
