package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationKind;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One date of issue orders and filters every list and search (decision 0017): the date the writers gave, to the day or
 * the month, else the day the statement went online, whichever path made it public.
 */
@ChorusModuleTest
class IssueDatesTest {

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
    TestClock clock;

    @Test
    void lists_are_ordered_by_the_date_of_issue_not_by_the_day_each_statement_went_online() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var today = publish(owner, org, "Written today", "", null);
        var archive = publish(owner, org, "From the 2023 archive", "2023-10-20", null);
        var february = publish(owner, org, "From February 2024", "2024-02", null);

        var list = reading.list(byOrganization(org), "en", ListPosition.newest());

        assertThat(list.items())
                .extracting(StatementSummary::slug)
                .containsExactly(today.slug(), february.slug(), archive.slug());
        assertThat(list.items().get(1).issuedOn()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(list.items().get(1).issuedPrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(list.items().get(2).issuedOn()).isEqualTo(LocalDate.of(2023, 10, 20));
    }

    @Test
    void the_date_filter_is_on_the_date_of_issue_and_a_month_matches_any_day_of_it() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var today = publish(owner, org, "Written today", "", null);
        var archive = publish(owner, org, "From the 2023 archive", "2023-10-20", null);
        var february = publish(owner, org, "From February 2024", "2024-02", null);

        assertThat(slugs(org, "2023-10-01", "2023-10-31")).containsExactly(archive.slug());
        assertThat(slugs(org, "2024-02-10", "2024-02-12")).containsExactly(february.slug());
        assertThat(slugs(org, "2023-01-01", "2024-12-31")).containsExactly(february.slug(), archive.slug());
        assertThat(slugs(org, todayUtc().toString(), null)).containsExactly(today.slug());
    }

    @Test
    void a_statement_written_without_a_date_is_dated_the_day_it_went_online_and_keeps_that_date_when_corrected() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var published = publish(owner, org, "No date given", "", null);
        assertThat(published.issuedOn()).isEqualTo(todayUtc());
        assertThat(published.issuedPrecision()).isEqualTo(DatePrecision.DAY);

        var corrected = writing.edit(owner, published.id(), text("No date given", "", null), "A typo.");

        assertThat(corrected.issuedOn()).isEqualTo(todayUtc());
    }

    @Test
    void a_scheduled_statement_is_dated_the_day_its_time_came() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var draft = writing.draft(owner, org.id(), text(Fixtures.unique("Scheduled"), "", null));
        var at = clock.instant().plus(Duration.ofDays(3));
        reviewing.approve(owner, draft.id(), at);

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        reviewing.publishDue();

        var published = reading.visible(owner, draft.slug());
        assertThat(published.status()).isEqualTo(StatementStatus.PUBLISHED);
        assertThat(published.issuedOn()).isEqualTo(at.atZone(ZoneOffset.UTC).toLocalDate());
    }

    @Test
    void an_imported_statement_is_dated_the_day_it_was_published_on_the_old_website() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var writtenAt = Instant.parse("2023-05-04T22:30:00Z");

        var imported =
                writing.importStatement(owner, org.id(), text(Fixtures.unique("Imported"), "", null), writtenAt, true);

        assertThat(imported.issuedOn()).isEqualTo(LocalDate.of(2023, 5, 4));
        assertThat(imported.publishedAt()).isEqualTo(writtenAt);
    }

    @Test
    void a_republished_statement_is_listed_and_found_once_as_its_original_but_stays_in_its_republisher_list() {
        var coalition = fixtures.coalition();
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        var topic = Fixtures.unique("topic");
        var word = "zq" + Fixtures.unique("w").substring(2).replace("-", "");
        var original = publish(statements.ownerOf(coalition), coalition, "Joint call " + word, "", topic);
        var copy = writing.republish(statements.ownerOf(chapter), chapter.id(), original.slug(), null);
        assertThat(copy.isPublic()).isTrue();

        var list = reading.list(new StatementFilter(null, topic, null, null, null), "en", ListPosition.newest());
        assertThat(list.items()).singleElement().satisfies(item -> {
            assertThat(item.slug()).isEqualTo(original.slug());
            assertThat(item.alsoPublishedBy()).extracting(Organization::id).containsExactly(chapter.id());
        });
        assertThat(list.total()).isEqualTo(1);
        assertThat(reading.search(word, null, null)).singleElement().satisfies(result -> {
            assertThat(result.slug()).isEqualTo(original.slug());
            assertThat(result.alsoPublishedBy()).extracting(Organization::name).containsExactly(chapter.name());
        });

        assertThat(reading.list(byOrganization(chapter), "en", ListPosition.newest())
                        .items())
                .extracting(StatementSummary::slug)
                .containsExactly(copy.slug());
        assertThat(reading.search(word, null, chapter.id()))
                .extracting(SearchResult::slug)
                .containsExactly(copy.slug());
    }

    @Test
    void a_retracted_statement_leaves_lists_and_search_but_its_page_stays() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var word = "zq" + Fixtures.unique("w").substring(2).replace("-", "");
        var statement = publish(owner, org, "Soon retracted " + word, "", null);
        assertThat(reading.search(word, null, null)).hasSize(1);

        reviewing.retract(owner, statement.id(), "Superseded.");

        assertThat(reading.list(byOrganization(org), "en", ListPosition.newest())
                        .items())
                .isEmpty();
        assertThat(reading.search(word, null, null)).isEmpty();
        assertThat(reading.page(null, statement.slug(), null).statement().status())
                .isEqualTo(StatementStatus.RETRACTED);
    }

    private Statement publish(Actor owner, Organization org, String title, String issuedOn, String topic) {
        var draft = writing.draft(owner, org.id(), text(Fixtures.unique(title), issuedOn, topic));
        return reviewing.approve(owner, draft.id(), null);
    }

    private static StatementDraft text(String title, String issuedOn, String topic) {
        return new StatementDraft(
                "en", title, "", "The text of " + title + ".", issuedOn, null, topic, false, List.of(), List.of());
    }

    private List<String> slugs(Organization org, String from, String to) {
        var filter = new StatementFilter(
                org.id(), null, null, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
        return reading.list(filter, "en", ListPosition.newest()).items().stream()
                .map(StatementSummary::slug)
                .toList();
    }

    private static StatementFilter byOrganization(Organization org) {
        return new StatementFilter(org.id(), null, null, null, null);
    }

    private LocalDate todayUtc() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
