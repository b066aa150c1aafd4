package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every role × every statement action × the person's own organization or another one. Writers (owners, editors)
 * draft, submit and translate; publishers (owners, and editors an owner designated as reviewers) approve, send back,
 * correct, retract and publish translations;
 * site admins may do everything; moderators, members and outsiders none of it.
 */
@ChorusModuleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementPermissionsTest {

    enum Who {
        OWNER,
        EDITOR,
        MODERATOR,
        MEMBER,
        DESIGNATED_REVIEWER,
        OUTSIDER,
        SITE_ADMIN
    }

    enum Action {
        WRITE_DRAFT(true),
        SEE_DRAFT(true),
        SUBMIT(true),
        TRANSLATE_AS_DRAFT(true),
        APPROVE(false),
        SEND_BACK(false),
        CORRECT(false),
        RETRACT(false),
        PUBLISH_TRANSLATION(false);

        final boolean writersMay;

        Action(boolean writersMay) {
            this.writersMay = writersMay;
        }
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    WritingStatements writing;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    ReadingStatements reading;

    @Autowired
    org.chorus.organizations.ManagingMembers members;

    Organization own;
    Organization other;
    Actor ownOwner;
    Actor otherOwner;
    final Map<Who, Actor> people = new EnumMap<>(Who.class);

    @BeforeAll
    void organizations_and_people() {
        own = fixtures.coalition();
        other = fixtures.coalition();
        ownOwner = statements.ownerOf(own);
        otherOwner = statements.ownerOf(other);
        for (var who : Who.values()) {
            var person = fixtures.person(who.name());
            if (who.ordinal() < Role.values().length) {
                fixtures.grant(own, person, Role.valueOf(who.name()));
            }
            if (who == Who.DESIGNATED_REVIEWER) {
                fixtures.grant(own, person, Role.EDITOR);
                members.designateReviewer(ownOwner, own.id(), person.id(), true);
            }
            people.put(who, new Actor(person.id(), who == Who.SITE_ADMIN));
        }
    }

    Stream<Arguments> cases() {
        var cases = new ArrayList<Arguments>();
        for (var who : Who.values()) {
            for (var action : Action.values()) {
                cases.add(Arguments.of(who, action, true));
                cases.add(Arguments.of(who, action, false));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} in own organization: {2}")
    @MethodSource("cases")
    void each_role_may_do_exactly_what_the_statement_rules_allow(Who who, Action action, boolean inOwn) {
        var organization = inOwn ? own : other;
        var owner = inOwn ? ownOwner : otherOwner;
        boolean writer = who == Who.OWNER || who == Who.EDITOR || who == Who.DESIGNATED_REVIEWER;
        boolean publisher = who == Who.OWNER || who == Who.DESIGNATED_REVIEWER;
        boolean expected = who == Who.SITE_ADMIN || (inOwn && (action.writersMay ? writer : publisher));
        assertThat(attempt(people.get(who), action, organization, owner))
                .as("%s may %s in %s organization", who, action, inOwn ? "its own" : "another")
                .isEqualTo(expected);
    }

    private boolean attempt(Actor actor, Action action, Organization organization, Actor owner) {
        try {
            switch (action) {
                case WRITE_DRAFT -> statements.draft(actor, organization, "en", Fixtures.unique("By"), "Text.");
                case SEE_DRAFT -> reading.page(actor, draft(owner, organization).slug(), null);
                case SUBMIT ->
                    reviewing.submit(actor, draft(owner, organization).id());
                case TRANSLATE_AS_DRAFT ->
                    writing.translate(actor, draft(owner, organization).id(), "fr", "T", "", "B", null, false);
                case APPROVE ->
                    reviewing.approve(
                            actor,
                            reviewing
                                    .submit(owner, draft(owner, organization).id())
                                    .id(),
                            null);
                case SEND_BACK ->
                    reviewing.sendBack(
                            actor,
                            reviewing
                                    .submit(owner, draft(owner, organization).id())
                                    .id(),
                            "Fix it");
                case CORRECT ->
                    writing.edit(
                            actor,
                            published(owner, organization).id(),
                            new StatementDraft(
                                    "en", "T", "", "Corrected.", null, null, null, false, List.of(), List.of()),
                            "typo");
                case RETRACT ->
                    reviewing.retract(actor, published(owner, organization).id(), "Withdrawn");
                case PUBLISH_TRANSLATION ->
                    writing.translate(actor, published(owner, organization).id(), "es", "T", "", "B", null, true);
            }
            return true;
        } catch (PermissionDenied | NotFoundException refused) {
            return false;
        }
    }

    private Statement draft(Actor owner, Organization organization) {
        return statements.draft(owner, organization, "en", Fixtures.unique("Draft"), "Text.");
    }

    private Statement published(Actor owner, Organization organization) {
        return statements.published(owner, organization, "en", Fixtures.unique("Published"), "Text.");
    }
}
