package org.chorus.statements;

import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.support.Fixtures;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;

/** Statements made through the real use cases, by an owner of the issuing organization. */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class StatementFixtures {

    private final Fixtures fixtures;
    private final WritingStatements writing;
    private final ReviewingStatements reviewing;

    StatementFixtures(Fixtures fixtures, WritingStatements writing, ReviewingStatements reviewing) {
        this.fixtures = fixtures;
        this.writing = writing;
        this.reviewing = reviewing;
    }

    public Actor ownerOf(Organization organization) {
        var owner = fixtures.person("owner");
        fixtures.grant(organization, owner, Role.OWNER);
        return Actor.of(owner);
    }

    public Statement draft(Actor writer, Organization issuer, String language, String title, String body) {
        return writing.draft(
                writer,
                issuer.id(),
                new StatementDraft(
                        language,
                        title,
                        "A subtitle",
                        body,
                        null, // dated the day it goes online, so the newest fixture is the newest everywhere
                        "Nairobi",
                        "climate finance",
                        false,
                        List.of(),
                        List.of(new Signatory("Amina Njeri", "Chairperson", issuer.name()))));
    }

    public Statement published(Actor owner, Organization issuer, String language, String title, String body) {
        var draft = draft(owner, issuer, language, title, body);
        return reviewing.approve(owner, draft.id(), null);
    }
}
