package org.chorus.signons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chorus.ChorusApplication;
import org.chorus.accounts.SigningUp;
import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.OrganizationProfile;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.organizations.Role;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.WritingStatements;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real Chorus process for {@link SignOnCrashTest}: the whole application on a port of its own, against the database
 * the parent made. On its first start it makes a statement open for sign-on; every start writes "port slug" to the file
 * named by its argument, then serves until it is killed or stopped.
 */
public final class SignOnCrashChild {

    public static void main(String[] args) throws Exception {
        var application = new SpringApplication(ChorusApplication.class);
        application.setAdditionalProfiles("test");
        var context = application.run();
        var slug = context.getBean(JdbcClient.class)
                .sql("select s.slug from statements s join signon_openings o on o.statement_id = s.id limit 1")
                .query(String.class)
                .optional()
                .orElseGet(() -> {
                    var signingUp = context.getBean(SigningUp.class);
                    var admin = new Actor(
                            signingUp.createActive(
                                    "admin@crash.example.org", "Admin", "crash-test-pw", Language.ENGLISH, true),
                            true);
                    var owner = new Actor(
                            signingUp.createActive(
                                    "owner@crash.example.org", "Owner", "crash-test-pw", Language.ENGLISH, false),
                            false);
                    var coalition = context.getBean(RegisteringOrganizations.class)
                            .foundCoalition(
                                    admin,
                                    new OrganizationProfile(
                                            "Crash Coalition", "KE", List.of("en"), null, "Signed under fire."));
                    context.getBean(ManagingMembers.class).grant(admin, coalition.id(), owner.account(), Role.OWNER);
                    var draft = context.getBean(WritingStatements.class)
                            .draft(
                                    owner,
                                    coalition.id(),
                                    new StatementDraft(
                                            "en",
                                            "Sign while it burns",
                                            "",
                                            "We ask for this.",
                                            null,
                                            null,
                                            null,
                                            false,
                                            List.of(),
                                            List.of()));
                    var statement = context.getBean(ReviewingStatements.class).approve(owner, draft.id(), null);
                    context.getBean(OpeningSignOns.class)
                            .open(owner, statement.slug(), SignOnOpening.Choices.defaults(), Language.ENGLISH);
                    return statement.slug();
                });
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var file = Path.of(args[0]);
        Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), port + " " + slug);
        Files.move(
                file.resolveSibling(file.getFileName() + ".tmp"),
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
