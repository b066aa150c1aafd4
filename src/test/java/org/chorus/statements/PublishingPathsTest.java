package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chorus.follows.FollowFixtures;
import org.chorus.imports.ImportingWordPress;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every path that makes a statement public emits one {@link StatementPublished}, with the kind decision 0003 gives it,
 * and leaves its text and revision published.
 */
@ChorusWebTest
@RecordApplicationEvents
class PublishingPathsTest {

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
    ImportingWordPress importing;

    @Autowired
    FollowFixtures follows;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    @Test
    void a_publisher_approving_a_draft_publishes_it_once_as_an_original() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var draft = statements.draft(owner, org, "en", Fixtures.unique("Approved"), "Text.");
        assertThat(published(draft.id())).isEmpty();

        reviewing.approve(owner, reviewing.submit(owner, draft.id()).id(), null);

        assertThat(published(draft.id()))
                .singleElement()
                .isEqualTo(new StatementPublished(
                        draft.id(),
                        org.id(),
                        "en",
                        List.of("climate-finance"),
                        StatementPublished.Kind.ORIGINAL,
                        owner.account()));
    }

    @Test
    void a_statement_reaching_its_scheduled_time_is_published_once_as_an_original() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var draft = statements.draft(owner, org, "en", Fixtures.unique("Scheduled"), "Text.");
        reviewing.approve(owner, draft.id(), clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(published(draft.id())).as("scheduled is not published").isEmpty();

        follows.advance(Duration.ofMinutes(2));
        reviewing.publishDue();

        assertThat(published(draft.id())).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(StatementPublished.Kind.ORIGINAL);
            assertThat(event.by()).as("nobody acted when the time came").isNull();
        });
    }

    @Test
    void a_republication_by_a_publisher_is_published_at_once_through_the_same_step_as_a_republication() {
        var source = fixtures.coalition();
        var original = statements.published(statements.ownerOf(source), source, "en", Fixtures.unique("Source"), "T.");
        var republisher = fixtures.coalition();
        var owner = statements.ownerOf(republisher);

        var copy = writing.republish(owner, republisher.id(), original.slug(), "We stand with them.");

        assertThat(copy.status()).isEqualTo(StatementStatus.PUBLISHED);
        assertThat(published(copy.id()))
                .singleElement()
                .isEqualTo(new StatementPublished(
                        copy.id(),
                        republisher.id(),
                        "en",
                        List.of("climate-finance"),
                        StatementPublished.Kind.REPUBLICATION,
                        owner.account()));
        var page = reading.page(null, copy.slug(), null);
        assertThat(page.text().published()).isTrue();
        assertThat(page.publishedRevisions()).isEqualTo(1);
        assertThat(reading.published(copy.id()).orElseThrow().republication().sourceStatement())
                .isEqualTo(original.id());
    }

    @Test
    void a_republication_by_a_writer_waits_for_review_and_is_published_as_a_republication_when_approved() {
        var source = fixtures.coalition();
        var original = statements.published(statements.ownerOf(source), source, "en", Fixtures.unique("Source"), "T.");
        var republisher = fixtures.coalition();
        var owner = statements.ownerOf(republisher);
        var editor = fixtures.person("editor");
        fixtures.grant(republisher, editor, Role.EDITOR);

        var copy =
                writing.republish(org.chorus.organizations.Actor.of(editor), republisher.id(), original.slug(), null);
        assertThat(copy.status()).isEqualTo(StatementStatus.DRAFT);
        assertThat(published(copy.id())).isEmpty();

        reviewing.approve(owner, copy.id(), null);
        assertThat(published(copy.id()))
                .singleElement()
                .extracting(StatementPublished::kind)
                .isEqualTo(StatementPublished.Kind.REPUBLICATION);
    }

    @Test
    void an_import_publishes_each_published_post_once_as_an_import_and_its_drafts_not_at_all() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        try (var in = Files.newInputStream(Path.of("../shared/fixtures/wxr/small-export.xml"))) {
            importing.importExport(owner, org.id(), in, "en");
        }
        var imported = reading.ofOrganization(owner, org.id());
        var public_ = imported.stream().filter(Statement::isPublic).toList();
        assertThat(public_).hasSizeGreaterThanOrEqualTo(3);
        var draft = writing.importStatement(
                owner,
                org.id(),
                new StatementDraft(
                        "en", "Not yet", "", "Still a draft.", null, null, null, false, List.of(), List.of()),
                java.time.Instant.parse("2011-02-01T10:00:00Z"),
                false);
        assertThat(draft.status()).isEqualTo(StatementStatus.DRAFT);
        assertThat(published(draft.id())).isEmpty();

        for (var statement : imported) {
            var emitted = published(statement.id());
            if (statement.isPublic()) {
                assertThat(emitted)
                        .singleElement()
                        .extracting(StatementPublished::kind)
                        .isEqualTo(StatementPublished.Kind.IMPORT);
                assertThat(statement.publishedAt()).isBefore(java.time.Instant.parse("2012-01-01T00:00:00Z"));
                assertThat(reading.page(null, statement.slug(), null).publishedRevisions())
                        .isEqualTo(1);
            } else {
                assertThat(emitted).isEmpty();
            }
        }
    }

    private List<StatementPublished> published(StatementId id) {
        return events.stream(StatementPublished.class)
                .filter(e -> e.statement().equals(id))
                .toList();
    }
}
