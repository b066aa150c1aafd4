package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.organizations.Role;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may speak in public, and in whose name. */
@ChorusModuleTest
class PublicationRulesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    WritingStatements writing;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    RegisteringOrganizations registering;

    @Test
    void an_organization_waiting_for_approval_writes_drafts_but_cannot_publish() {
        var coalition = fixtures.coalition();
        var asker = Actor.of(fixtures.person("asker"));
        var pending = registering.registerBelow(
                asker, coalition.slug(), OrganizationKind.MEMBER, Fixtures.profile(Fixtures.unique("Unapproved")));
        var draft = statements.draft(asker, pending, "en", Fixtures.unique("Premature"), "Too early.");
        assertThatThrownBy(() -> reviewing.approve(asker, draft.id(), null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.issuer-not-listed"));
        var original =
                statements.published(statements.ownerOf(coalition), coalition, "en", Fixtures.unique("Call"), "Text.");
        var copy = writing.republish(asker, pending.id(), original.slug(), null);
        assertThat(copy.isPublic())
                .as("a republication by an unlisted organization stays a draft")
                .isFalse();
    }

    @Test
    void no_organization_is_named_co_issuer_without_one_of_its_writers() {
        var a = fixtures.coalition();
        var b = fixtures.coalition();
        var ownerOfA = statements.ownerOf(a);
        var draft = new StatementDraft(
                "en", Fixtures.unique("Joint"), "", "Together.", null, null, null, false, List.of(b.slug()), List.of());
        assertThatThrownBy(() -> writing.draft(ownerOfA, a.id(), draft))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo("cosigners");
                    assertThat(e.messageKey()).isEqualTo("statement.cosigner.not-allowed");
                });
        fixtures.grant(b, fixtures.user(ownerOfA.account()), Role.EDITOR);
        var joint = writing.draft(ownerOfA, a.id(), draft);
        assertThat(joint.slug()).isNotBlank();
    }

    @Test
    void translations_are_locked_during_review_and_a_draft_never_hides_a_published_one() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var editor = fixtures.person("editor");
        fixtures.grant(org, editor, Role.EDITOR);
        var inReview = reviewing.submit(
                owner,
                statements
                        .draft(owner, org, "en", Fixtures.unique("Review"), "T.")
                        .id());
        assertThatThrownBy(() -> writing.translate(Actor.of(editor), inReview.id(), "fr", "T", "", "B", null, false))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("statement.locked-in-review"));

        var published = statements.published(owner, org, "en", Fixtures.unique("Public"), "T.");
        writing.translate(owner, published.id(), "fr", "Publié", "", "Texte.", null, true);
        assertThatThrownBy(() ->
                        writing.translate(Actor.of(editor), published.id(), "fr", "Autre", "", "Autre.", null, false))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.translation.published-locked"));
    }
}
