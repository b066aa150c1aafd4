package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.shared.DomainException;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A republication of a statement on this Chorus carries the original faithfully and follows it (decision 0018). */
@ChorusModuleTest
class RepublicationsFollowTheOriginalTest {

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
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    static final Signatory AMINA = new Signatory("Amina Njeri", "Chairperson", "Africa Chapter");
    static final Signatory KOFI = new Signatory("Kofi Mensah", "Treasurer", "West Africa Chapter");

    @Test
    void a_republication_carries_the_originals_date_place_signatories_co_issuers_and_translations() {
        var original = original(List.of(AMINA));
        var republisher = fixtures.coalition();

        var copy = writing.republish(
                statements.ownerOf(republisher),
                republisher.id(),
                original.statement().slug(),
                "We stand with them.");

        assertThat(copy.issuedOn()).isEqualTo(LocalDate.of(2023, 10, 20));
        assertThat(copy.republication().publishedOn())
                .as("first published on the original's date of issue, not today")
                .isEqualTo(LocalDate.of(2023, 10, 20));
        assertThat(copy.place()).isEqualTo("Nairobi");
        var page = reading.page(null, copy.slug(), "ar");
        assertThat(page.fallback())
                .as("the original's Arabic translation is the copy's too")
                .isFalse();
        assertThat(page.text().body()).isEqualTo("ندعو إلى تمويل عام.");
        assertThat(page.signatories()).containsExactly(AMINA);
        assertThat(page.sourceCosigners())
                .extracting(Organization::id)
                .containsExactly(original.cosigner().id());
        assertThat(page.issuedBy())
                .extracting(Organization::id)
                .containsExactly(original.issuer().id(), original.cosigner().id());
        assertThat(page.cosigners())
                .as("the co-issuers are the original's, not the republisher's")
                .isEmpty();
        assertThat(page.statement().republication().introduction()).isEqualTo("We stand with them.");
    }

    @Test
    void a_correction_and_a_new_translation_of_the_original_reach_its_republications() {
        var original = original(List.of(AMINA));
        var republisher = fixtures.coalition();
        var copy = writing.republish(
                statements.ownerOf(republisher),
                republisher.id(),
                original.statement().slug(),
                "Our intro.");

        writing.edit(
                original.owner(),
                original.statement().id(),
                new StatementDraft(
                        "en",
                        "Public finance now",
                        "",
                        "We call for public finance, at scale.",
                        "2023-10-21",
                        "Accra",
                        "climate finance",
                        false,
                        List.of(original.cosigner().slug()),
                        List.of(AMINA, KOFI)),
                "A signatory was missing");
        writing.translate(
                original.owner(),
                original.statement().id(),
                "fr",
                "La finance publique",
                "",
                "Nous appelons à la finance publique.",
                null,
                true);

        var page = reading.page(null, copy.slug(), null);
        assertThat(page.text().body()).isEqualTo("We call for public finance, at scale.");
        assertThat(page.signatories()).containsExactly(AMINA, KOFI);
        assertThat(page.statement().issuedOn()).isEqualTo(LocalDate.of(2023, 10, 21));
        assertThat(page.statement().place()).isEqualTo("Accra");
        assertThat(page.corrected()).isTrue();
        assertThat(page.translations()).extracting(StatementText::language).contains("ar", "fr");
        assertThat(reading.page(null, copy.slug(), "fr").fallback()).isFalse();
        assertThat(page.statement().republication().introduction())
                .as("the republisher's introduction stays theirs")
                .isEqualTo("Our intro.");
        assertThat(reading.list(
                                new StatementFilter(republisher.id(), null, "fr", null, null),
                                "fr",
                                ListPosition.newest())
                        .items())
                .as("lists and search read the copy like any statement")
                .extracting(StatementSummary::slug)
                .contains(copy.slug());
    }

    @Test
    void the_words_of_a_republication_change_only_with_its_original() {
        var original = original(List.of(AMINA));
        var republisher = fixtures.coalition();
        var owner = statements.ownerOf(republisher);
        var copy =
                writing.republish(owner, republisher.id(), original.statement().slug(), null);

        assertThatThrownBy(() -> writing.translate(owner, copy.id(), "es", "Título", "", "Texto.", null, true))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.republication.follows-original"));
    }

    @Test
    void a_republication_of_a_republication_credits_and_follows_the_first_original() {
        var original = original(List.of(AMINA));
        var first = fixtures.coalition();
        var copy = writing.republish(
                statements.ownerOf(first), first.id(), original.statement().slug(), null);
        var second = fixtures.coalition();

        var copyOfCopy = writing.republish(statements.ownerOf(second), second.id(), copy.slug(), null);

        assertThat(copyOfCopy.republication().sourceStatement())
                .isEqualTo(original.statement().id());
        assertThat(copyOfCopy.republication().publisher())
                .isEqualTo(original.issuer().name());
    }

    @Test
    void a_page_from_elsewhere_keeps_the_text_pasted_for_it() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var copy = writing.republishFromUrl(
                owner,
                org.id(),
                "https://allies.example/call",
                "Allied Coalition",
                LocalDate.of(2024, 2, 1),
                null,
                new StatementDraft(
                        "en", "Their call", "", "Pasted text.", null, null, "", false, List.of(), List.of()));

        assertThat(copy.followsOriginal()).isFalse();
        assertThat(copy.republication().publishedOn()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(reading.page(owner, copy.slug(), null).text().body()).isEqualTo("Pasted text.");
    }

    @Test
    void a_republication_made_before_copies_followed_their_original_is_brought_in_line_by_the_migration()
            throws java.io.IOException {
        var original = original(List.of(AMINA));
        var republisher = fixtures.coalition();
        var copy = writing.republish(
                statements.ownerOf(republisher),
                republisher.id(),
                original.statement().slug(),
                null);
        // what republishing used to leave: today's date, no place, no signatories, no translations
        jdbc.sql("delete from statement_texts where statement_id = :id and language <> 'en'")
                .param("id", copy.id().value())
                .update();
        jdbc.sql("delete from statement_signatories where statement_id = :id")
                .param("id", copy.id().value())
                .update();
        jdbc.sql("update statements set issued_on = current_date, source_published_on = current_date, place = null "
                        + "where id = :id")
                .param("id", copy.id().value())
                .update();

        // the migration as it runs on a database of its time: since V1_203 PostgreSQL derives the search vector
        // itself, so the copy of that column is left out of the script replayed here
        var script = new String(
                        new ClassPathResource(
                                        "db/migration/statements/V1_177__existing_republications_follow_their_original.sql")
                                .getInputStream()
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("updated_at, search)", "updated_at)")
                .replace("t.updated_at, t.search", "t.updated_at")
                .replace(", search = excluded.search", "");
        new ResourceDatabasePopulator(new org.springframework.core.io.ByteArrayResource(
                        script.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .execute(dataSource);

        var page = reading.page(null, copy.slug(), "ar");
        assertThat(page.fallback()).isFalse();
        assertThat(page.text().published()).isTrue();
        assertThat(page.signatories()).containsExactly(AMINA);
        assertThat(page.statement().issuedOn()).isEqualTo(LocalDate.of(2023, 10, 20));
        assertThat(page.statement().republication().publishedOn()).isEqualTo(LocalDate.of(2023, 10, 20));
        assertThat(page.statement().place()).isEqualTo("Nairobi");
    }

    /** A published statement of 20 October 2023 in Nairobi, co-issued, signed, translated into Arabic. */
    private Original original(List<Signatory> signatories) {
        var issuer = fixtures.coalition();
        var cosigner = fixtures.coalition();
        var person = fixtures.person("owner");
        fixtures.grant(issuer, person, Role.OWNER);
        fixtures.grant(cosigner, person, Role.OWNER);
        var owner = Actor.of(person);
        var draft = writing.draft(
                owner,
                issuer.id(),
                new StatementDraft(
                        "en",
                        Fixtures.unique("Public finance"),
                        "",
                        "We call for public finance.",
                        "2023-10-20",
                        "Nairobi",
                        "climate finance",
                        false,
                        List.of(cosigner.slug()),
                        signatories));
        writing.translate(owner, draft.id(), "ar", "تمويل عام", "", "ندعو إلى تمويل عام.", "Layla", true);
        var published = reviewing.approve(owner, draft.id(), null);
        return new Original(published, issuer, cosigner, owner);
    }

    record Original(Statement statement, Organization issuer, Organization cosigner, Actor owner) {}
}
