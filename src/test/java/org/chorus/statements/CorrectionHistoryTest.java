package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.statements.web.DiffHtml;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A correction is shown as readers see the change: words, signatories, co-issuers, and who made each version. */
@ChorusModuleTest
class CorrectionHistoryTest {

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

    static final Signatory AMINA = new Signatory("Amina Njeri", "Chairperson", "Africa Chapter");
    static final Signatory KOFI = new Signatory("Kofi Mensah", "Treasurer", "");

    @Test
    void a_correction_compares_the_words_readers_see_and_not_the_markdown_behind_them() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = publish(owner, org, "We demand [cuts](https://example.org/report) now.", List.of(), List.of(AMINA));
        correct(owner, s, "We demand [deep cuts](https://example.org/report) **now**.", List.of(), List.of(AMINA));

        var comparison = reading.diff(null, s.slug(), 1, 2);

        var html =
                String.join("\n", comparison.rows().stream().map(DiffHtml::line).toList());
        assertThat(html).contains("<ins>deep");
        assertThat(html).doesNotContain("https://example.org", "](", "**");
        assertThat(comparison.signatoriesChanged()).isFalse();
        assertThat(comparison.cosignersChanged()).isFalse();
    }

    @Test
    void a_correction_shows_the_signatories_and_co_issuers_added_and_removed() {
        var org = fixtures.coalition();
        var partner = fixtures.coalition();
        var person = fixtures.person("owner");
        fixtures.grant(org, person, Role.OWNER);
        fixtures.grant(partner, person, Role.OWNER);
        var owner = Actor.of(person);
        var s = publish(owner, org, "We call for public finance.", List.of(), List.of(AMINA));
        correct(owner, s, "We call for public finance.", List.of(partner.slug()), List.of(KOFI));

        var comparison = reading.diff(null, s.slug(), 1, 2);

        assertThat(comparison.signatoriesRemoved()).containsExactly(AMINA);
        assertThat(comparison.signatoriesAdded()).containsExactly(KOFI);
        assertThat(comparison.cosignersRemoved()).isEmpty();
        assertThat(comparison.cosignersAdded()).extracting(Organization::id).containsExactly(partner.id());
    }

    @Test
    void who_made_each_version_is_named_to_the_organizations_people_and_to_others_only_as_its_editor() {
        var org = fixtures.coalition();
        var person = fixtures.person(Fixtures.unique("Wanjiru"));
        fixtures.grant(org, person, Role.OWNER);
        var owner = Actor.of(person);
        var s = publish(owner, org, "Text.", List.of(), List.of());
        correct(owner, s, "Better text.", List.of(), List.of());
        var member = fixtures.person("member");
        fixtures.grant(org, member, Role.EDITOR);

        var forMembers = reading.publishedRevisions(Actor.of(member), s.slug());
        var forThePublic = reading.publishedRevisions(null, s.slug());
        var forAStranger = reading.publishedRevisions(Actor.of(fixtures.person("stranger")), s.slug());

        assertThat(forMembers.revisions()).hasSize(2);
        assertThat(forMembers.revisions())
                .allSatisfy(r -> assertThat(forMembers.nameOf(r)).isEqualTo(person.displayName()));
        assertThat(forThePublic.revisions())
                .allSatisfy(r -> assertThat(forThePublic.nameOf(r)).isNull());
        assertThat(forAStranger.revisions())
                .allSatisfy(r -> assertThat(forAStranger.nameOf(r)).isNull());
        assertThat(forThePublic.editors().id()).isEqualTo(org.id());
    }

    private Statement publish(
            Actor owner, Organization org, String body, List<String> cosigners, List<Signatory> signatories) {
        var draft = writing.draft(owner, org.id(), draft(Fixtures.unique("Finance"), body, cosigners, signatories));
        return reviewing.approve(owner, draft.id(), null);
    }

    private void correct(Actor owner, Statement s, String body, List<String> cosigners, List<Signatory> signatories) {
        var title = reading.page(owner, s.slug(), null).text().title();
        writing.edit(owner, s.id(), draft(title, body, cosigners, signatories), "Corrected");
    }

    private static StatementDraft draft(
            String title, String body, List<String> cosigners, List<Signatory> signatories) {
        return new StatementDraft("en", title, "", body, null, null, "", false, cosigners, signatories);
    }
}
