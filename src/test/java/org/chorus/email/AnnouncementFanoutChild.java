package org.chorus.email;

import java.util.ArrayList;
import java.util.List;
import org.chorus.ChorusApplication;
import org.chorus.accounts.SigningUp;
import org.chorus.follows.Announcing;
import org.chorus.follows.Following;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationProfile;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.shared.i18n.Language;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Chorus process of bench/email-fanout: on first start it makes a coalition with {@code count} active followers
 * (English, French and Arabic) and sends them an announcement through the real use case ({@link Announcing#sendNow});
 * a restarted process finds the announcement sent and only lets the engine finish. Exits 0 once no message waits.
 */
public final class AnnouncementFanoutChild {

    public static void main(String[] args) throws InterruptedException {
        var count = Integer.parseInt(args[1]);
        var application = new SpringApplication(ChorusApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("test");
        var context = application.run();
        var jdbc = context.getBean(JdbcClient.class);
        var alreadySent = jdbc.sql("SELECT count(*) FROM announcements WHERE status = 'SENT'")
                .query(Long.class)
                .single();
        if (alreadySent == 0) {
            var started = System.currentTimeMillis();
            var owner = context.getBean(SigningUp.class)
                    .createActive("owner@bench.example.org", "Bench Owner", "bench-password-1", Language.ENGLISH, true);
            var actor = new Actor(owner, true);
            var coalition = context.getBean(RegisteringOrganizations.class)
                    .foundCoalition(
                            actor,
                            new OrganizationProfile(
                                    "Housing Rights Coalition",
                                    "FR",
                                    List.of("en", "fr", "ar"),
                                    "https://housing.example.org",
                                    "A benchmark coalition"));
            var following = context.getBean(Following.class);
            var languages = List.of(Language.ENGLISH, Language.FRENCH, Language.ARABIC);
            for (int l = 0; l < languages.size(); l++) {
                var emails = new ArrayList<String>();
                for (int i = l; i < count; i += languages.size()) {
                    emails.add("n" + i + "@followers.example.org");
                }
                following.seedActiveFollowers(coalition.id(), emails, languages.get(l));
            }
            System.out.println("seeded " + count + " followers in " + (System.currentTimeMillis() - started) + " ms");
            var announcing = context.getBean(Announcing.class);
            var draft = announcing.draft(
                    actor,
                    coalition.slug(),
                    new Announcing.Draft("en", "Join the week of action", MailCrashChild.ANNOUNCEMENT));
            var before = System.currentTimeMillis();
            var queued = announcing.sendNow(actor, coalition.slug(), draft.id());
            System.out.println("announcement queued to " + queued + " followers in "
                    + (System.currentTimeMillis() - before) + " ms");
            System.out.println("queued " + queued + " at " + System.currentTimeMillis());
        }
        MailCrashChild.deliverAllAndExit(
                context,
                () -> jdbc.sql("SELECT count(*) FROM email_outbox WHERE status IN ('queued', 'claimed', 'sending')")
                        .query(Long.class)
                        .single());
    }
}
