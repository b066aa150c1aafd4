package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorus.organizations.Actor;
import org.chorus.organizations.ManagingMembers;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.PermissionDenied;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** An organization asks another one to co-issue a statement; the other one's owners and reviewers answer. */
@ChorusModuleTest
@RecordApplicationEvents
class CoIssueRequestsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    CoIssuing coIssuing;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    ReadingStatements reading;

    @Autowired
    ManagingMembers members;

    @Autowired
    ApplicationEvents events;

    Organization issuer;
    Organization invited;
    Actor editorOfIssuer;
    Actor ownerOfInvited;

    @BeforeEach
    void two_organizations() {
        issuer = fixtures.coalition();
        invited = fixtures.coalition();
        var editor = fixtures.person("editor");
        fixtures.grant(issuer, editor, Role.EDITOR);
        editorOfIssuer = Actor.of(editor);
        ownerOfInvited = statements.ownerOf(invited);
    }

    @Test
    void an_editor_asks_another_organization_whose_owner_reads_the_draft_and_accepts() {
        var draft = statements.draft(editorOfIssuer, issuer, "en", Fixtures.unique("Joint call"), "We ask together.");
        var request = coIssuing.request(editorOfIssuer, draft.id(), invited.slug());

        assertThat(events.stream(CoIssueRequested.class))
                .containsExactly(new CoIssueRequested(
                        draft.id(), issuer.id(), invited.id(), editorOfIssuer.account(), request.requestedAt()));
        assertThat(coIssuing.waiting(ownerOfInvited, invited.id())).isEqualTo(1);
        var received = coIssuing.read(ownerOfInvited, invited.id(), request.id());
        assertThat(received.text().body()).isEqualTo("We ask together.");
        assertThat(received.line().issuer().id()).isEqualTo(issuer.id());

        coIssuing.accept(ownerOfInvited, request.id(), "Glad to.");

        assertThat(events.stream(CoIssueAnswered.class)).singleElement().satisfies(e -> {
            assertThat(e.accepted()).isTrue();
            assertThat(e.by()).isEqualTo(ownerOfInvited.account());
            assertThat(e.invited()).isEqualTo(invited.id());
        });
        assertThat(events.stream(StatementChanged.class)).contains(new StatementChanged(draft.id()));
        assertThat(reading.page(editorOfIssuer, draft.slug(), null).cosigners())
                .extracting(Organization::id)
                .containsExactly(invited.id());
        assertThat(coIssuing.waiting(ownerOfInvited, invited.id())).isZero();
        assertThat(coIssuing.sent(editorOfIssuer, draft.id())).singleElement().satisfies(l -> {
            assertThat(l.request().status()).isEqualTo(CoIssueRequest.Status.ACCEPTED);
            assertThat(l.request().message()).isEqualTo("Glad to.");
        });
    }

    @Test
    void a_designated_reviewer_of_the_invited_organization_may_decline_and_a_new_request_may_follow() {
        var published = statements.published(
                statements.ownerOf(issuer), issuer, "en", Fixtures.unique("Published"), "Already out.");
        var reviewer = fixtures.person("reviewer");
        fixtures.grant(invited, reviewer, Role.EDITOR);
        members.designateReviewer(ownerOfInvited, invited.id(), reviewer.id(), true);
        var first = coIssuing.request(editorOfIssuer, published.id(), invited.slug());

        coIssuing.decline(Actor.of(reviewer), first.id(), "Not this time.");

        assertThat(events.stream(CoIssueAnswered.class))
                .singleElement()
                .satisfies(e -> assertThat(e.accepted()).isFalse());
        assertThat(reading.page(null, published.slug(), null).cosigners()).isEmpty();
        var again = coIssuing.request(editorOfIssuer, published.id(), invited.slug());
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(coIssuing.waiting(ownerOfInvited, invited.id())).isEqualTo(1);
    }

    @Test
    void the_requester_withdraws_a_pending_request_and_may_ask_again_later() {
        var draft = statements.draft(editorOfIssuer, issuer, "en", Fixtures.unique("Withdrawn"), "Text.");
        var request = coIssuing.request(editorOfIssuer, draft.id(), invited.slug());

        coIssuing.withdraw(editorOfIssuer, request.id());

        assertThat(coIssuing.waiting(ownerOfInvited, invited.id())).isZero();
        assertThatThrownBy(() -> coIssuing.accept(ownerOfInvited, request.id(), ""))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.co-issue.already-answered"));
        coIssuing.request(editorOfIssuer, draft.id(), invited.slug());
        assertThat(coIssuing.waiting(ownerOfInvited, invited.id())).isEqualTo(1);
    }

    @Test
    void an_organization_is_not_asked_twice_while_pending_nor_when_it_co_issues_already() {
        var draft = statements.draft(editorOfIssuer, issuer, "en", Fixtures.unique("Twice"), "Text.");
        var request = coIssuing.request(editorOfIssuer, draft.id(), invited.slug());

        assertThatThrownBy(() -> coIssuing.request(editorOfIssuer, draft.id(), invited.slug()))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.co-issue.already-pending"));
        assertThat(coIssuing.candidates(editorOfIssuer, draft.id()))
                .extracting(Organization::id)
                .doesNotContain(issuer.id(), invited.id());
        coIssuing.accept(ownerOfInvited, request.id(), null);
        assertThatThrownBy(() -> coIssuing.request(editorOfIssuer, draft.id(), invited.slug()))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.co-issue.already-co-issues"));
        assertThatThrownBy(() -> coIssuing.request(editorOfIssuer, draft.id(), issuer.slug()))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("statement.co-issue.own"));
        assertThatThrownBy(() -> coIssuing.request(editorOfIssuer, draft.id(), "no-such-organization"))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.co-issue.organization-not-found"));
    }

    @Test
    void a_retracted_statement_gets_no_requests_and_a_pending_one_can_no_longer_be_accepted() {
        var owner = statements.ownerOf(issuer);
        var published = statements.published(owner, issuer, "en", Fixtures.unique("Retracted"), "Text.");
        var pending = coIssuing.request(editorOfIssuer, published.id(), invited.slug());
        reviewing.retract(owner, published.id(), "Withdrawn by the board.");

        assertThatThrownBy(() -> coIssuing.request(
                        editorOfIssuer, published.id(), fixtures.coalition().slug()))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.co-issue.retracted"));
        assertThatThrownBy(() -> coIssuing.accept(ownerOfInvited, pending.id(), null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.co-issue.retracted"));
    }

    @Test
    void only_the_issuers_writers_ask_and_only_the_invited_owners_and_reviewers_answer() {
        var draft = statements.draft(editorOfIssuer, issuer, "en", Fixtures.unique("Rights"), "Text.");
        var memberOfIssuer = fixtures.person("member");
        fixtures.grant(issuer, memberOfIssuer, Role.MEMBER);
        assertThatThrownBy(() -> coIssuing.request(Actor.of(memberOfIssuer), draft.id(), invited.slug()))
                .isInstanceOf(PermissionDenied.class);

        var request = coIssuing.request(editorOfIssuer, draft.id(), invited.slug());
        var editorOfInvited = fixtures.person("editor");
        fixtures.grant(invited, editorOfInvited, Role.EDITOR);
        assertThatThrownBy(() -> coIssuing.accept(Actor.of(editorOfInvited), request.id(), null))
                .isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> coIssuing.read(Actor.of(editorOfInvited), invited.id(), request.id()))
                .isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> coIssuing.accept(editorOfIssuer, request.id(), null))
                .as("the issuer cannot answer for the invited organization")
                .isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> coIssuing.withdraw(ownerOfInvited, request.id()))
                .isInstanceOf(PermissionDenied.class);
        assertThat(coIssuing.waiting(Actor.of(editorOfInvited), invited.id())).isZero();
    }
}
