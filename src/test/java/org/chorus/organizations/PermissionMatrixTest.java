package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chorus.accounts.ChorusUser;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every role × every action that exists × in the person's own organization or in another one, through the real HTTP
 * endpoints. The expectation comes from the rule, not from the implementation: site admins may do everything; others
 * only in their own organization, and only what the role's row in the table below allows.
 */
@ChorusWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

    /** Who is acting: a role in the "own" organization, nobody special, or a site admin. */
    enum Who {
        OWNER,
        EDITOR,
        MODERATOR,
        MEMBER,
        OUTSIDER,
        SITE_ADMIN
    }

    /** What they try, and which roles the product promises may do it. */
    enum Action {
        SEE_PEOPLE(Role.OWNER, Role.EDITOR, Role.MODERATOR, Role.MEMBER),
        OPEN_MANAGE_PAGE(Role.OWNER, Role.EDITOR),
        EDIT_PROFILE(Role.OWNER, Role.EDITOR),
        INVITE(Role.OWNER),
        CHANGE_ROLE(Role.OWNER),
        REMOVE_PERSON(Role.OWNER),
        DESIGNATE_REVIEWER(Role.OWNER),
        APPROVE_CHILD(Role.OWNER),
        REJECT_CHILD(Role.OWNER);

        final List<Role> allowed;

        Action(Role... allowed) {
            this.allowed = List.of(allowed);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegisteringOrganizations registering;

    Organization own;
    Organization other;
    final Map<Who, ChorusUser> people = new EnumMap<>(Who.class);

    @BeforeAll
    void organizations_and_people() {
        own = fixtures.coalition();
        other = fixtures.coalition();
        for (var who : Who.values()) {
            var person =
                    who == Who.SITE_ADMIN ? fixtures.adminUser(fixtures.admin().id()) : fixtures.person(who.name());
            if (who.ordinal() < Role.values().length) {
                fixtures.grant(own, person, Role.valueOf(who.name()));
                // a role elsewhere must never leak into "other": give everyone the same role in a third organization
                fixtures.grant(fixtures.coalition(), person, Role.valueOf(who.name()));
            }
            people.put(who, person);
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
    void each_role_may_do_exactly_what_the_rules_allow(Who who, Action action, boolean inOwnOrganization)
            throws Exception {
        var organization = inOwnOrganization ? own : other;
        boolean expected = who == Who.SITE_ADMIN
                || (inOwnOrganization && who != Who.OUTSIDER && action.allowed.contains(Role.valueOf(who.name())));

        assertThat(attempt(people.get(who), action, organization))
                .as("%s may %s in %s organization", who, action, inOwnOrganization ? "its own" : "another")
                .isEqualTo(expected);
    }

    private boolean attempt(ChorusUser person, Action action, Organization organization) throws Exception {
        var base = "/o/" + organization.slug();
        return switch (action) {
            case SEE_PEOPLE -> perform(get(base), person).contains("id=\"people\"");
            case OPEN_MANAGE_PAGE -> status(get(base + "/manage"), person) == 200;
            case EDIT_PROFILE ->
                status(
                                post(base + "/manage/profile")
                                        .param("name", organization.name())
                                        .param("country", "KE")
                                        .param("languages", "en")
                                        .param("description", "Edited"),
                                person)
                        == 302;
            case INVITE ->
                status(
                                post(base + "/manage/invitations")
                                        .param("email", Fixtures.uniqueEmail("invitee"))
                                        .param("role", "MEMBER"),
                                person)
                        == 200;
            case CHANGE_ROLE ->
                status(
                                post(base + "/manage/members/" + target(organization) + "/role")
                                        .param("role", "EDITOR"),
                                person)
                        == 302;
            case REMOVE_PERSON ->
                status(post(base + "/manage/members/" + target(organization) + "/remove"), person) == 302;
            case DESIGNATE_REVIEWER ->
                status(
                                post(base + "/manage/members/" + target(organization) + "/reviewer")
                                        .param("reviewer", "true"),
                                person)
                        == 302;
            case APPROVE_CHILD ->
                status(post(base + "/manage/children/" + pendingChild(organization) + "/approve"), person) == 302;
            case REJECT_CHILD ->
                status(post(base + "/manage/children/" + pendingChild(organization) + "/reject"), person) == 302;
        };
    }

    private String target(Organization organization) {
        var target = fixtures.person("target");
        fixtures.grant(organization, target, Role.MEMBER);
        return target.id().toString();
    }

    private String pendingChild(Organization organization) {
        var asker = fixtures.person("asker");
        var child = registering.registerBelow(
                Actor.of(asker),
                organization.slug(),
                OrganizationKind.MEMBER,
                Fixtures.profile(Fixtures.unique("Child")));
        assertThat(child.status()).isEqualTo(OrganizationStatus.PENDING);
        return child.slug();
    }

    private int status(MockHttpServletRequestBuilder request, ChorusUser person) throws Exception {
        return mvc.perform(request.with(user(person)).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String perform(MockHttpServletRequestBuilder request, ChorusUser person) throws Exception {
        return mvc.perform(request.with(user(person))).andReturn().getResponse().getContentAsString();
    }
}
