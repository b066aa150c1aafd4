package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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
                new Statement.Details(null, null, List.of(), false),
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
