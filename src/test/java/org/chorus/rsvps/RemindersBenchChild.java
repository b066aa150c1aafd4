package org.chorus.rsvps;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chorus.ChorusApplication;
import org.chorus.demo.generate.GeneratingActions;
import org.chorus.shared.SecretToken;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.web.PublicPageCache;
import org.chorus.support.QueryCounter;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The Chorus process of bench/rsvp-reminders. On first start it generates a campaign of actions
 * ({@link GeneratingActions}, COPY), moves {@code actions} of its approved ones to start three hours after a moment
 * {@code T} a few seconds ahead, and gives each two RSVPs going (sealed contacts, as the application writes them) whose
 * next reminder is {@code T}: all due in the same minute, the day-before reminder for every one. The job
 * {@code send-rsvp-reminders} then sends them; a restarted process only lets the job and the engine finish. Exits 0
 * once every reminder is queued and no message waits. With {@code --rsvps N} it then adds N RSVPs (forgotten ones,
 * as they are 30 days after an action) across the campaign and prints the campaign page's queries before and after.
 */
public final class RemindersBenchChild {

    public static void main(String[] args) throws Exception {
        int actions = Integer.parseInt(args[0]);
        int perAction = Integer.parseInt(args[1]);
        int extraRsvps = Integer.parseInt(args[2]);
        var application = new SpringApplication(ChorusApplication.class);
        application.setAdditionalProfiles("test");
        application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new QueryCounter()));
        var context = application.run("--server.port=0");
        var jdbc = context.getBean(JdbcClient.class);
        var seeded = jdbc.sql("select count(*) from rsvps").query(Long.class).single() > 0;
        if (!seeded) {
            seed(context, jdbc, actions, perAction);
        }
        var waiting = (java.util.function.LongSupplier)
                () -> jdbc.sql("""
                        select (select count(*) from rsvps where status = 'GOING' and remind_at is not null
                                   and remind_at <= now())
                             + (select count(*) from email_outbox where status in ('queued', 'claimed', 'sending'))""").query(Long.class).single();
        while (waiting.getAsLong() > 0
                || jdbc.sql("select count(*) from rsvps where remind_at is not null and remind_at > now()"
                                        + " and remind_at < now() + interval '1 minute'")
                                .query(Long.class)
                                .single()
                        > 0) {
            Thread.sleep(200);
        }
        System.out.println("reminders done at " + System.currentTimeMillis());
        if (extraRsvps > 0) {
            campaignPage(context, jdbc, extraRsvps);
        }
        System.exit(0);
    }

    private static void seed(
            org.springframework.context.ConfigurableApplicationContext context, JdbcClient jdbc, int actions, int per)
            throws Exception {
        var started = System.currentTimeMillis();
        var generated = context.getBean(GeneratingActions.class)
                .generate(
                        new GeneratingActions.Request(
                                actions * 110 / 100, 7, LocalDate.now(), Files.createTempDirectory("reminders-bench")),
                        System.out);
        System.out.println("generated " + generated.get("actions") + " actions in "
                + (System.currentTimeMillis() - started) + " ms");
        // T: a moment just ahead; the chosen actions start three hours after it, so T is after the day before's 11:00
        // and before the two hours before, in every zone: the day-before reminder is due for each at T
        var due = Instant.now().plusSeconds(20);
        var chosen = jdbc.sql("""
                        select id from actions where status = 'APPROVED' and not cancelled
                        order by id limit :n""").param("n", actions).query(UUID.class).list();
        jdbc.sql("""
                        update actions set starts_at = :start, ends_at = :end,
                               starts_local = (:start at time zone time_zone), ends_local = (:end at time zone time_zone),
                               day = (:start at time zone time_zone)::date
                         where id = any(:ids)""")
                .param("start", Timestamp.from(due.plus(Duration.ofHours(3))))
                .param("end", Timestamp.from(due.plus(Duration.ofHours(5))))
                .param("ids", chosen.toArray(UUID[]::new))
                .update();
        var personalData = context.getBean(PersonalData.class);
        var campaign = jdbc.sql("select campaign_id from actions where id = :id")
                .param("id", chosen.getFirst())
                .query(UUID.class)
                .single();
        var rows = new ArrayList<Object[]>();
        int n = 0;
        for (var action : chosen) {
            for (int i = 0; i < per; i++, n++) {
                var email = "guest" + n + "@reminders.example.org";
                var contact = new RsvpContact("Guest " + n, email, List.of());
                rows.add(new Object[] {
                    UUID.randomUUID(),
                    action,
                    campaign,
                    personalData.seal(contact.toJson(), RsvpContact.COLUMN),
                    personalData.index(RsvpContact.canonical(email), RsvpContact.EMAIL_INDEX),
                    n % 3 == 0 ? "fr" : n % 3 == 1 ? "en" : "ar",
                    SecretToken.generate().value(),
                    Timestamp.from(due)
                });
            }
        }
        var template = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        template.batchUpdate("""
                insert into rsvps (id, action_id, campaign_id, status, guests, contact, email_index, language,
                                   link_salt, created_at, confirmed_at, forget_at, remind_at)
                values (?, ?, ?, 'GOING', 0, ?, ?, ?, ?, now(), now(), now() + interval '60 days', ?)""", rows);
        System.out.println("seeded " + rows.size() + " RSVPs going to " + chosen.size() + " actions, due at "
                + due.toEpochMilli() + " in " + (System.currentTimeMillis() - started) + " ms");
    }

    /** The campaign page's queries and time with the RSVPs so far, then with {@code extra} more. */
    private static void campaignPage(
            org.springframework.context.ConfigurableApplicationContext context, JdbcClient jdbc, int extra)
            throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .build();
        var cache = context.getBean(PublicPageCache.class);
        var slug = jdbc.sql("select c.slug from campaigns c join actions a on a.campaign_id = c.id limit 1")
                .query(String.class)
                .single();
        var path = "/c/" + slug;
        var before = QueryCounter.rendering(mvc, cache, path);
        var beforeMs = renderMs(mvc, cache, path);
        var started = System.currentTimeMillis();
        jdbc.sql("""
                        insert into rsvps (id, action_id, campaign_id, status, guests, language, link_salt, created_at,
                                           confirmed_at, forget_at)
                        select gen_random_uuid(), a.ids[1 + g % cardinality(a.ids)], a.campaign,
                               case when g % 10 = 0 then 'CANCELLED' when g % 10 = 1 then 'WAITLISTED' else 'GOING' end,
                               g % 3, 'en', md5(g::text), now(), now(), now()
                          from generate_series(1, :n) as g,
                               (select array_agg(id) as ids, min(campaign_id::text)::uuid as campaign
                                  from actions where status = 'APPROVED') as a""").param("n", extra).update();
        jdbc.sql("update rsvp_settings set recount = true").update();
        jdbc.sql("analyze rsvps").update();
        var total = jdbc.sql("select count(*) from rsvps").query(Long.class).single();
        System.out.println("added " + extra + " RSVPs (" + total + " in all) in "
                + (System.currentTimeMillis() - started) + " ms");
        var after = QueryCounter.rendering(mvc, cache, path);
        var afterMs = renderMs(mvc, cache, path);
        System.out.println("campaign page queries " + before + " before, " + after + " at " + total + " RSVPs");
        System.out.printf("campaign page render p50 %.1f ms before, %.1f ms at %d RSVPs%n", beforeMs, afterMs, total);
    }

    /** The median of 21 renderings of the page, the page cache made stale before each. */
    private static double renderMs(org.springframework.test.web.servlet.MockMvc mvc, PublicPageCache cache, String path)
            throws Exception {
        var times = new ArrayList<Double>();
        for (int i = 0; i < 21; i++) {
            cache.invalidate();
            var start = System.nanoTime();
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path));
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }
}
