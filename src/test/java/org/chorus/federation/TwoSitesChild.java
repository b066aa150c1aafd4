package org.chorus.federation;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.chorus.ChorusApplication;
import org.chorus.actions.ActionFixtures;
import org.chorus.actions.ActionId;
import org.chorus.actions.HostingActions;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Signatory;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.WritingStatements;
import org.chorus.support.Fixtures;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One of the two Chorus sites of {@link FederationBetweenTwoSitesTest}: a whole Chorus on its own port and database,
 * doing what the test writes on its standard input, one command a line, through the use cases a person's clicks
 * call; it appends {@code <line number> <result>} (or {@code <line number> ERROR <message>}) to the file
 * {@code args[0]} when each is done. Commands: {@code seed} (a coalition; its slug), {@code follow <handle>},
 * {@code publish <title>} (its slug), {@code correct <slug>}, {@code retract <slug>}, {@code action <title>} (an
 * approved action of a new campaign; its id), {@code cancel <id>}, {@code publish-many <n>} (in one transaction).
 */
public final class TwoSitesChild {

    private static ConfigurableApplicationContext context;
    private static Organization league;
    private static Actor admin;
    private static final java.util.Map<String, String> TITLES = new java.util.concurrent.ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        var replies = Path.of(args[0]);
        var application = new SpringApplication(ChorusApplication.class);
        application.setAdditionalProfiles("test");
        context = application.run();
        reply(replies, "0 ready");
        var input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line; (line = input.readLine()) != null; ) {
            number++;
            String result;
            try {
                result = run(line.strip());
            } catch (RuntimeException e) {
                e.printStackTrace();
                result = "ERROR " + e;
            }
            reply(replies, number + " " + result);
        }
        System.exit(0);
    }

    private static void reply(Path replies, String line) throws Exception {
        Files.writeString(
                replies, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String run(String command) {
        var space = command.indexOf(' ');
        var verb = space < 0 ? command : command.substring(0, space);
        var argument = space < 0 ? "" : command.substring(space + 1);
        var writing = context.getBean(WritingStatements.class);
        var reviewing = context.getBean(ReviewingStatements.class);
        switch (verb) {
            case "seed" -> {
                var fixtures = context.getAutowireCapableBeanFactory().createBean(Fixtures.class);
                admin = fixtures.siteAdmin();
                league = fixtures.coalition();
                return league.slug();
            }
            case "follow" -> {
                context.getBean(FollowingElsewhere.class).follow(admin, league.slug(), argument);
                return "ok";
            }
            case "publish" -> {
                return publish(writing, reviewing, argument);
            }
            case "correct" -> {
                var statement = context.getBean(org.chorus.statements.ReadingStatements.class)
                        .publicStatement(argument)
                        .orElseThrow();
                writing.edit(
                        admin,
                        statement.id(),
                        draft(TITLES.get(argument), "Corrected: we ask for clean air now."),
                        "A correction.");
                return "ok";
            }
            case "retract" -> {
                var statement = context.getBean(org.chorus.statements.ReadingStatements.class)
                        .publicStatement(argument)
                        .orElseThrow();
                reviewing.retract(admin, statement.id(), "Withdrawn.");
                return "ok";
            }
            case "action" -> {
                var actions = context.getAutowireCapableBeanFactory().createBean(ActionFixtures.class);
                var campaign = actions.campaign(admin, league);
                return actions.registered(admin, campaign, argument).id().toString();
            }
            case "cancel" -> {
                context.getBean(HostingActions.class).cancel(admin, ActionId.parse(argument));
                return "ok";
            }
            case "publish-many" -> {
                // one transaction: every statement is published at its commit, so deliveries trail far behind
                new org.springframework.transaction.support.TransactionTemplate(
                                context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                        .executeWithoutResult(status -> {
                            for (int i = 1; i <= Integer.parseInt(argument); i++) {
                                publish(writing, reviewing, "Statement number " + i);
                            }
                        });
                return "ok";
            }
            default -> throw new IllegalArgumentException("no such command: " + command);
        }
    }

    private static String publish(WritingStatements writing, ReviewingStatements reviewing, String title) {
        var draft = writing.draft(admin, league.id(), draft(title, "We ask for clean air."));
        var slug = reviewing.approve(admin, draft.id(), null).slug();
        TITLES.put(slug, title);
        return slug;
    }

    private static StatementDraft draft(String title, String body) {
        return new StatementDraft(
                "en",
                title,
                null,
                body,
                null,
                "Nairobi",
                "climate-justice",
                true,
                List.of(),
                List.of(new Signatory("Amina Njeri", "Chairperson", league.name())));
    }
}
