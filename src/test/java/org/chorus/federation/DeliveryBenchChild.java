package org.chorus.federation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chorus.ChorusApplication;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Signatory;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.WritingStatements;
import org.chorus.support.Fixtures;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Chorus process of bench/federation-delivery. On first start it founds a coalition, gives it one follower per
 * inbox listed in the file {@code args[0]} (as the inbox would have recorded a Follow: actor, inbox, no shared inbox)
 * and publishes a statement through the use cases, so the listener queues one Create per inbox and the outbound queue
 * delivers them. A restarted process only lets the queue finish. Exits 0 once nothing waits, printing its peak
 * resident memory.
 */
public final class DeliveryBenchChild {

    public static void main(String[] args) throws Exception {
        var inboxes = Files.readAllLines(Path.of(args[0]));
        var application = new SpringApplication(ChorusApplication.class);
        application.setAdditionalProfiles("test");
        var context = application.run("--server.port=0", "--chorus.outbound.queue.lease=40s");
        var jdbc = context.getBean(JdbcClient.class);
        var seeded = jdbc.sql("select count(*) from federation_followers")
                        .query(Long.class)
                        .single()
                > 0;
        if (!seeded) {
            var fixtures = context.getAutowireCapableBeanFactory().createBean(Fixtures.class);
            var admin = fixtures.siteAdmin();
            var league = fixtures.coalition();
            var rows = new ArrayList<Object[]>();
            for (var inbox : inboxes) {
                var actor = inbox.substring(0, inbox.length() - "/inbox".length());
                rows.add(new Object[] {
                    league.id().value(), actor, inbox, inbox, actor + "/follows/1", Timestamp.from(Instant.now())
                });
            }
            context.getBean(JdbcTemplate.class).batchUpdate("""
                    insert into federation_followers
                        (organization_id, actor_id, inbox, deliver_to, follow_id, state, created_at)
                    values (?, ?, ?, ?, ?, 'accepted', ?)""", rows);
            System.out.println("seeded " + rows.size() + " followers of " + league.slug());
            // made now, so signing the first delivery does not wait for it
            context.getBean(ActorKeys.class).of(league.id());
            var writing = context.getBean(WritingStatements.class);
            var reviewing = context.getBean(ReviewingStatements.class);
            var draft = writing.draft(
                    admin,
                    league.id(),
                    new StatementDraft(
                            "en",
                            "Clean air for every city",
                            "What we ask for",
                            "We, the undersigned, ask for clean air. ".repeat(60),
                            null,
                            "Nairobi",
                            "climate-justice, air",
                            true,
                            List.of(),
                            List.of(new Signatory("Amina Njeri", "Chairperson", league.name()))));
            System.out.println("published at " + System.currentTimeMillis());
            reviewing.approve(admin, draft.id(), null);
        }
        while (jdbc.sql("""
                                select (select count(*) from outbound_deliveries where status in ('queued', 'claimed'))
                                     + (select count(*) from event_publication where completion_date is null)""").query(Long.class).single() > 0) {
            Thread.sleep(200);
        }
        var peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .findFirst()
                .orElse("VmHWM: ?");
        var counts = jdbc.sql("select status, count(*) from outbound_deliveries group by status order by status")
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
                .list();
        System.out.println("deliveries done at " + System.currentTimeMillis() + " " + counts + "; peak resident "
                + peak.replaceAll("\\s+", " ").substring("VmHWM: ".length()));
        System.exit(0);
    }
}
