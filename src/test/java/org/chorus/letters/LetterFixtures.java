package org.chorus.letters;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.organizations.Actor;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Lazy;

/**
 * Letters made through the real use cases: an English letter open from today for 30 days (UTC) with a locked
 * subject, and officials in Kenya (two with an address, one with a contact form) and in France (one).
 */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class LetterFixtures {

    public static final String SUBJECT = "Cancel the debt now";
    public static final String CORE = "We ask you to cancel the debt.\nThe climate cannot wait.";
    private static final AtomicInteger NETWORKS = new AtomicInteger();

    private final WritingLetters writing;
    private final Clock clock;
    private final ApplicationContext context;

    LetterFixtures(WritingLetters writing, Clock clock, ApplicationContext context) {
        this.writing = writing;
        this.clock = clock;
        this.context = context;
    }

    /** The officials the letter of {@link #letter} goes to, in Kenya and France. */
    public record Officials(Target minister, Target speaker, Target webForm, Target france) {}

    /** Turns on the campaign's letter with officials; the emails are unique to the campaign. */
    public Officials letter(Actor organizer, String slug) {
        var today = LocalDate.now(clock);
        writing.save(
                organizer,
                slug,
                new WritingLetters.LetterForm(
                        true,
                        today.toString(),
                        today.plusDays(30).toString(),
                        true,
                        Map.of(
                                "subject_en",
                                SUBJECT,
                                "opening_en",
                                "Dear Minister,",
                                "core_en",
                                CORE,
                                "closing_en",
                                "Yours sincerely,")));
        var tag = slug.substring(Math.max(0, slug.length() - 12));
        return new Officials(
                target(organizer, slug, "KE", "Minister of Finance", "minister-" + tag + "@treasury.example", ""),
                target(organizer, slug, "KE", "Speaker of the Assembly", "speaker-" + tag + "@parliament.example", ""),
                target(organizer, slug, "KE", "Senator for Nairobi", "", "https://senate.example/contact/" + tag),
                target(organizer, slug, "FR", "Ministre de l’Économie", "ministre-" + tag + "@economie.example", ""));
    }

    private Target target(Actor organizer, String slug, String country, String office, String email, String form) {
        return writing.addTarget(
                organizer, slug, new WritingLetters.TargetForm(country, office, "Name of " + office, email, form, ""));
    }

    /** The form of a supporter who changes nothing but signs, to these officials. */
    public static SendingLetters.Written written(String name, String email, List<Target> targets) {
        return new SendingLetters.Written(
                name,
                email,
                "",
                "Dear Minister,",
                "Yours sincerely,",
                targets.stream().map(t -> t.id().toString()).toList());
    }

    /** Sends the letter's form as a supporter from a network of their own and returns the confirmation link's path. */
    public String confirmationPath(String slug, String country, String email, List<Target> targets) {
        var campaign = context.getBean(org.chorus.campaigns.ReadingCampaigns.class)
                .published(slug, null)
                .orElseThrow();
        var stamp = context.getBean(LetterStamps.class).issue(campaign.id(), country);
        context.getBean(TestClock.class).advance(Duration.ofSeconds(4));
        context.getBean(SendingLetters.class)
                .submit(
                        slug,
                        country,
                        written("Ama Owusu", email, targets),
                        new SendingLetters.Signals("", stamp, network()),
                        Language.ENGLISH);
        return ReceivedMail.linkPath(TestMail.awaitOne(email), "/letters/confirm/");
    }

    /** A network of its own (one /24 each), so no rate limit counts two forms together. */
    public static String network() {
        int n = NETWORKS.incrementAndGet();
        return "198." + (18 + n / 250 % 2) + "." + (n % 250) + ".5";
    }

    /** The token of a link path like {@code /letters/confirm/<token>?lang=en}. */
    public static String token(String path) {
        var token = path.substring(path.lastIndexOf('/') + 1);
        int query = token.indexOf('?');
        return query < 0 ? token : token.substring(0, query);
    }
}
