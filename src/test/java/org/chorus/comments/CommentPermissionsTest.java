package org.chorus.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.shared.PermissionDenied;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every role × every moderation action × the person's own organization or another one. Owners and moderators
 * moderate their organization's comments; site admins everywhere; editors, members and outsiders nowhere.
 */
@ChorusModuleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentPermissionsTest {

    enum Who {
        OWNER,
        EDITOR,
        MODERATOR,
        MEMBER,
        OUTSIDER,
        SITE_ADMIN
    }

    enum Action {
        SEE_QUEUE,
        APPROVE,
        REJECT,
        MARK_SPAM,
        BAN
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CommentFixtures comments;

    @Autowired
    ModeratingComments moderating;

    Organization own;
    Organization other;
    Statement ownStatement;
    Statement otherStatement;
    final Map<Who, Actor> people = new EnumMap<>(Who.class);

    @BeforeAll
    void organizations_statements_and_people() {
        own = fixtures.coalition();
        other = fixtures.coalition();
        ownStatement = comments.published(statements.ownerOf(own), own, true);
        otherStatement = comments.published(statements.ownerOf(other), other, true);
        for (var who : Who.values()) {
            var person = fixtures.person(who.name());
            if (who.ordinal() < Role.values().length) {
                fixtures.grant(own, person, Role.valueOf(who.name()));
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
    void each_role_may_moderate_exactly_as_its_permissions_allow(Who who, Action action, boolean inOwn) {
        boolean expected = who == Who.SITE_ADMIN || (inOwn && (who == Who.OWNER || who == Who.MODERATOR));
        assertThat(attempt(people.get(who), action, inOwn ? own : other, inOwn ? ownStatement : otherStatement))
                .as("%s may %s in %s organization", who, action, inOwn ? "its own" : "another")
                .isEqualTo(expected);
    }

    private boolean attempt(Actor actor, Action action, Organization organization, Statement statement) {
        try {
            switch (action) {
                case SEE_QUEUE -> moderating.queue(actor, organization.id());
                case APPROVE -> moderating.approve(actor, waiting(statement).id());
                case REJECT -> moderating.reject(actor, waiting(statement).id());
                case MARK_SPAM -> moderating.markSpam(actor, waiting(statement).id());
                case BAN -> moderating.banAuthor(actor, waiting(statement).id());
            }
            return true;
        } catch (PermissionDenied refused) {
            return false;
        }
    }

    private Comment waiting(Statement statement) {
        return comments.post(Actor.of(fixtures.person("commenter")), statement, null, Fixtures.unique("Comment"));
    }
}
