package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.junit.jupiter.api.Test;

class StatementTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static Statement draft() {
        return Statement.draft(
                StatementId.random(),
                "a-statement",
                OrganizationId.random(),
                "en",
                new Statement.Details(null, null, null, List.of(), false),
                NOW);
    }

    @Test
    void a_draft_goes_to_review_and_is_published_when_approved() {
        var published = draft().submit(NOW).approve(null, NOW);
        assertThat(published.status()).isEqualTo(StatementStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(NOW);
        assertThat(published.isPublic()).isTrue();
    }

    @Test
    void approving_with_a_future_time_schedules_and_the_time_publishes() {
        var at = NOW.plus(Duration.ofDays(2));
        var scheduled = draft().submit(NOW).approve(at, NOW);
        assertThat(scheduled.status()).isEqualTo(StatementStatus.SCHEDULED);
        assertThat(scheduled.isPublic()).isFalse();
        var published = scheduled.publishScheduled(at.plusSeconds(30));
        assertThat(published.status()).isEqualTo(StatementStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(at);
    }

    @Test
    void a_statement_sent_back_returns_to_draft_with_the_reviewers_comment() {
        var back = draft().submit(NOW).sendBack("Please add the date", NOW);
        assertThat(back.status()).isEqualTo(StatementStatus.DRAFT);
        assertThat(back.reviewComment()).isEqualTo("Please add the date");
        assertThatThrownBy(() -> draft().submit(NOW).sendBack(" ", NOW)).isInstanceOf(InvalidField.class);
    }

    @Test
    void a_retracted_statement_stays_public_with_its_reason() {
        var retracted = draft().approve(null, NOW).retract("Superseded by our March statement", NOW);
        assertThat(retracted.status()).isEqualTo(StatementStatus.RETRACTED);
        assertThat(retracted.isPublic()).isTrue();
        assertThat(retracted.retractionNote()).isEqualTo("Superseded by our March statement");
    }

    @Test
    void transitions_out_of_order_are_refused_with_their_reason() {
        assertThatThrownBy(() -> draft().retract("x", NOW))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.retract-only-published"));
        assertThatThrownBy(() -> draft().correct(NOW))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.correct-only-published"));
        assertThatThrownBy(() -> draft().submit(NOW).submit(NOW))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("statement.submit-only-drafts"));
        assertThatThrownBy(() -> draft().approve(null, NOW).approve(null, NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> draft().approve(null, NOW).retract("x", NOW).retract("y", NOW))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void a_new_statement_is_a_draft_with_its_writers_details_and_no_dates() {
        var details = new Statement.Details(
                LocalDate.parse("2026-11-20"), DatePrecision.DAY, "Nairobi", List.of("climate"), true);
        var draft = Statement.draft(StatementId.random(), "s", OrganizationId.random(), "en", details, NOW);
        assertThat(draft.status()).isEqualTo(StatementStatus.DRAFT);
        assertThat(draft.isPublic()).isFalse();
        assertThat(draft.republished()).isFalse();
        assertThat(draft.details()).isEqualTo(details);
        assertThat(draft.publishedAt()).isNull();
        assertThat(draft.createdAt()).isEqualTo(NOW);
    }

    @Test
    void a_republication_starts_as_a_draft_with_comments_off_and_is_published_by_the_same_approval_as_any_other() {
        var source = new Republication(
                StatementId.random(),
                null,
                "Fund adaptation",
                "Africa Coalition",
                LocalDate.parse("2026-10-01"),
                "We stand with them.");
        var copy = Statement.republication(
                StatementId.random(), "copy", OrganizationId.random(), "fr", source, List.of("finance"), NOW);
        assertThat(copy.status()).isEqualTo(StatementStatus.DRAFT);
        assertThat(copy.republished()).isTrue();
        assertThat(copy.commentsEnabled())
                .as("the conversation belongs to the original")
                .isFalse();
        assertThat(copy.issuedOn()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(copy.topics()).containsExactly("finance");

        var published = copy.approve(null, NOW);
        assertThat(published.status()).isEqualTo(StatementStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(NOW);
        assertThat(published.republication()).isEqualTo(source);
    }

    @Test
    void an_imported_post_keeps_the_date_it_was_published_on_the_old_site_and_an_imported_draft_stays_a_draft() {
        var then = Instant.parse("2011-01-18T07:40:14Z");
        var details = new Statement.Details(null, null, null, List.of(), false);
        var published = Statement.imported(
                StatementId.random(), "hello", OrganizationId.random(), "en", details, then, true, NOW);
        assertThat(published.status()).isEqualTo(StatementStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(then);
        assertThat(published.createdAt()).isEqualTo(then);
        assertThat(published.updatedAt()).isEqualTo(NOW);

        var draft = Statement.imported(
                StatementId.random(), "later", OrganizationId.random(), "en", details, then, false, NOW);
        assertThat(draft.status()).isEqualTo(StatementStatus.DRAFT);
        assertThat(draft.publishedAt()).isNull();
    }

    @Test
    void a_statement_in_review_scheduled_or_retracted_cannot_be_edited_and_says_why() {
        assertThat(lockOf(draft().submit(NOW))).isEqualTo("statement.locked-in-review");
        assertThat(lockOf(draft().approve(NOW.plus(Duration.ofDays(1)), NOW))).isEqualTo("statement.locked-scheduled");
        assertThat(lockOf(draft().approve(null, NOW).retract("Superseded", NOW)))
                .isEqualTo("statement.locked-retracted");
        assertThat(lockOf(draft())).isNull();
        assertThat(lockOf(draft().approve(null, NOW))).isNull();
        assertThat(lockOf(draft().submit(NOW).sendBack("Add the date", NOW)))
                .as("sent back, it is a draft again")
                .isNull();
    }

    @Test
    void editing_a_draft_changes_its_details_only_and_editing_a_published_one_is_a_dated_correction_with_a_note() {
        var later = NOW.plus(Duration.ofHours(3));
        var changed = new Statement.Details(null, null, "Dakar", List.of("water"), true);

        var draft = draft();
        assertThat(draft.editIsCorrection()).isFalse();
        var edited = draft.edited(changed, null, later);
        assertThat(edited.details()).isEqualTo(changed);
        assertThat(edited.workflow()).isEqualTo(draft.workflow());
        assertThat(edited.updatedAt()).isEqualTo(later);

        var published = draft().approve(null, NOW);
        assertThat(published.editIsCorrection()).isTrue();
        assertThatThrownBy(() -> published.edited(changed, " ", later))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("correctionNote"));
        var corrected = published.edited(changed, "Fixed the place", later);
        assertThat(corrected.correctedAt()).isEqualTo(later);
        assertThat(corrected.publishedAt()).as("still published when it was").isEqualTo(NOW);
        assertThat(corrected.place()).isEqualTo("Dakar");

        var inReview = draft().submit(NOW);
        assertThatThrownBy(() -> inReview.edited(changed, null, later))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("statement.locked-in-review"));
    }

    @Test
    void a_new_address_changes_nothing_else() {
        var draft = draft();
        var moved = draft.withSlug("another-address");
        assertThat(moved.slug()).isEqualTo("another-address");
        assertThat(moved.workflow()).isEqualTo(draft.workflow());
        assertThat(moved.details()).isEqualTo(draft.details());
        assertThat(moved.id()).isEqualTo(draft.id());
    }

    private static String lockOf(Statement statement) {
        try {
            statement.requireEditable();
            return null;
        } catch (DomainException e) {
            return e.messageKey();
        }
    }

    @Test
    void a_draft_is_checked_field_by_field() {
        assertThatThrownBy(() ->
                        new StatementDraft("xx", "T", "", "B", null, null, null, false, List.of(), List.of()).checked())
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("language"));
        assertThatThrownBy(() ->
                        new StatementDraft("en", " ", "", "B", null, null, null, false, List.of(), List.of()).checked())
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("title"));
        assertThatThrownBy(() ->
                        new StatementDraft("en", "T", "", "", null, null, null, false, List.of(), List.of()).checked())
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("body"));
        assertThatThrownBy(() -> new StatementDraft(
                                "en", "T", "", "B", "23/11/2026", null, null, false, List.of(), List.of())
                        .checked())
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("issuedOn"));
        var checked = new StatementDraft(
                        "EN",
                        " T ",
                        "",
                        "B",
                        "2026-11-23",
                        "Nairobi",
                        "Just Transition, housing, housing",
                        false,
                        List.of(),
                        List.of(new Signatory("Amina", "Chair", "Africa Chapter"), new Signatory(" ", "", "")))
                .checked();
        assertThat(checked.language()).isEqualTo("en");
        assertThat(checked.topics()).containsExactly("just-transition", "housing");
        assertThat(checked.signatories()).hasSize(1);
    }
}
