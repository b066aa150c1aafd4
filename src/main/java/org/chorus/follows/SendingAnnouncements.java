package org.chorus.follows;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.TextDirection;
import org.chorus.shared.markdown.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands an announcement to the email engine: one letter per follower of the organization (or of an organization above
 * it, when they follow what is below), the announcement's words in its own language and the rest of the letter in
 * the follower's. Followers are read as a stream and queued a few thousand at a time, all in one transaction, so a
 * failure queues nothing and the next run starts again (idempotency keys keep anyone from getting it twice).
 */
@Service
public class SendingAnnouncements {

    private final Announcements announcements;
    private final Follows follows;
    private final CoalitionDirectory organizations;
    private final FollowLetters letters;
    private final FollowLinks links;
    private final PersonalData personalData;
    private final Mail mail;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ChorusProperties settings;

    SendingAnnouncements(
            Announcements announcements,
            Follows follows,
            CoalitionDirectory organizations,
            FollowLetters letters,
            FollowLinks links,
            PersonalData personalData,
            Mail mail,
            Clock clock,
            TransactionTemplate transactions,
            ChorusProperties settings) {
        this.announcements = announcements;
        this.follows = follows;
        this.organizations = organizations;
        this.letters = letters;
        this.links = links;
        this.personalData = personalData;
        this.mail = mail;
        this.clock = clock;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Sends the scheduled announcements whose time has come, each in its own transaction; returns how many. */
    public int sendDue() {
        int sent = 0;
        while (Boolean.TRUE.equals(transactions.execute(status -> announcements
                .nextDue(clock.instant())
                .map(a -> {
                    fanOut(a);
                    return true;
                })
                .orElse(false)))) {
            sent++;
        }
        return sent;
    }

    /** Sends one announcement now unless it was sent already; returns how many letters were queued. */
    public int sendNow(long id) {
        return transactions.execute(status -> announcements
                .lock(id)
                .filter(a -> a.status() != AnnouncementStatus.SENT)
                .map(this::fanOut)
                .orElse(0));
    }

    /** Queues the letters (the caller holds the announcement's lock in its transaction). */
    private int fanOut(Announcement announcement) {
        var organization = organizations.byId(announcement.organization()).orElse(null);
        var ancestors = organizations.ancestors(announcement.organization());
        var named = new HashMap<OrganizationId, Organization>();
        named.put(organization.id(), organization);
        ancestors.forEach(a -> named.put(a.id(), a));
        var body = body(announcement);
        var groups = new HashMap<List<Object>, List<Addressee>>();
        var letterOf = new HashMap<List<Object>, Letter>();
        int[] pending = {0};
        int[] queued = {0};
        Runnable flush = () -> {
            groups.forEach((key, addressees) -> queued[0] += mail.sendAll(letterOf.get(key), addressees));
            groups.clear();
            pending[0] = 0;
        };
        java.util.function.Consumer<Follows.Recipient> each = r -> {
            var key = List.<Object>of(r.language(), r.target(), r.includeChildren());
            letterOf.computeIfAbsent(key, k -> letter(announcement, organization, body, r, named));
            groups.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Addressee(
                            personalData.open(r.sealedEmail(), Following.EMAIL_COLUMN),
                            null,
                            "follows.announcement:" + announcement.id() + ":" + r.follower(),
                            links.subscription(r.follow(), r.tokenHash())));
            if (++pending[0] >= Follows.FETCH_SIZE) {
                flush.run();
            }
        };
        if (announcement.campaign() != null) {
            follows.streamFollowersOfCampaign(announcement.campaign(), each);
        } else {
            follows.streamFollowersOf(
                    announcement.organization(),
                    ancestors.stream().map(Organization::id).toList(),
                    List.of(),
                    null,
                    each);
        }
        flush.run();
        announcements.sent(announcement.id(), queued[0], clock.instant());
        return queued[0];
    }

    private Letter letter(
            Announcement announcement,
            Organization organization,
            LetterBlock.Html body,
            Follows.Recipient r,
            Map<OrganizationId, Organization> named) {
        var language = FollowLetters.language(r.language());
        var t = letters.in(language);
        var reason = letters.reason(
                language, r.target(), r.includeChildren(), letters.targetName(language, r.target(), named));
        return new Letter(
                "follows.announcement",
                language,
                announcement.subject(),
                List.of(new LetterBlock.Paragraph(t.t("follows.letter.announcement.from", organization.name())), body),
                reason,
                announcement.batch());
    }

    /**
     * The announcement's words in a letter: Chorus's own images at their full address, images from anywhere else
     * replaced by their alt text in the HTML and the text part alike, so opening the letter tells no other server who
     * read it.
     */
    private LetterBlock.Html body(Announcement announcement) {
        var html = Markdown.render(announcement.body()).withAbsoluteImages(settings.link(""));
        return new LetterBlock.Html(
                "<div lang=\"" + announcement.language() + "\" dir=\"" + TextDirection.of(announcement.language())
                        + "\">" + html.html() + "</div>",
                Markdown.withImagesAsText(announcement.body()).strip());
    }

    /** The same letter to the editor, marked as a test in their language, outside the announcement's counts. */
    Letter test(Announcement announcement, Organization organization, Language language) {
        var t = letters.in(language);
        return new Letter(
                "follows.announcement-test",
                language,
                t.t("follows.letter.announcement.test", announcement.subject()),
                List.of(
                        new LetterBlock.Paragraph(t.t("follows.letter.announcement.from", organization.name())),
                        body(announcement)),
                t.t("follows.letter.announcement.test-reason", organization.name()));
    }
}
