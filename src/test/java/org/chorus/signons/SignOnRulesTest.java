package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.statements.StatementId;
import org.junit.jupiter.api.Test;

class SignOnRulesTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    static SignOnOpening opened(SignOnOpening.Choices choices) {
        return SignOnOpening.open(StatementId.random(), OrganizationId.random(), AccountId.random(), choices, NOW);
    }

    static SignOnOpening.Choices choices(WhoMaySign who, Instant closesAt) {
        return new SignOnOpening.Choices(who, closesAt, true, true, false, "Thank you!", 365);
    }

    @Test
    void an_open_statement_takes_sign_ons_until_its_deadline() {
        var opening = opened(choices(WhoMaySign.BOTH, NOW.plus(Duration.ofDays(2))));
        assertThat(opening.acceptingAt(NOW.plus(Duration.ofDays(1)))).isTrue();
        assertThat(opening.acceptingAt(NOW.plus(Duration.ofDays(2)))).isFalse();
        assertThatThrownBy(() -> opening.requireAccepting(SignOnKind.PERSON, NOW.plus(Duration.ofDays(3))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("signons.closed"));
        assertThat(opening.endedAt(NOW.plus(Duration.ofDays(3)))).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(opening.personalDataUntil(NOW.plus(Duration.ofDays(3))))
                .isEqualTo(NOW.plus(Duration.ofDays(2 + 365)));
    }

    @Test
    void a_closed_statement_takes_no_sign_ons_and_keeps_when_it_closed() {
        var closed = opened(SignOnOpening.Choices.defaults()).close(NOW.plusSeconds(60));
        assertThat(closed.acceptingAt(NOW.plusSeconds(61))).isFalse();
        assertThat(closed.endedAt(NOW.plusSeconds(61))).isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> closed.close(NOW.plusSeconds(70)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("signons.already-closed"));
        var reopened = closed.reopen(AccountId.random(), SignOnOpening.Choices.defaults(), NOW.plusSeconds(90));
        assertThat(reopened.acceptingAt(NOW.plusSeconds(91))).isTrue();
        assertThat(reopened.personalDataUntil(NOW.plusSeconds(91))).isNull();
    }

    @Test
    void an_opening_for_organizations_refuses_people() {
        var opening = opened(choices(WhoMaySign.ORGANIZATIONS, null));
        opening.requireAccepting(SignOnKind.ORGANIZATION, NOW);
        assertThatThrownBy(() -> opening.requireAccepting(SignOnKind.PERSON, NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("signons.kind-not-accepted"));
    }

    @Test
    void every_broken_choice_is_reported_at_once() {
        var broken = new SignOnOpening.Choices(
                WhoMaySign.BOTH, NOW.minusSeconds(1), true, true, false, "x".repeat(2_001), 0);
        assertThatThrownBy(() -> opened(broken))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        e -> assertThat(e.fields())
                                .extracting(InvalidField::field)
                                .containsExactly("closesAt", "thankYou", "retentionDays"));
    }

    @Test
    void a_blocked_domain_blocks_the_domains_below_it_and_only_domains_are_accepted() {
        var choices = SignOnOpening.Choices.defaults().guarded(java.util.List.of(" @Spam.Example ", ""), null, null);
        assertThat(choices.blockedDomains()).containsExactly("spam.example");
        assertThat(choices.blocks("a@spam.example")).isTrue();
        assertThat(choices.blocks("a@mail.SPAM.example")).isTrue();
        assertThat(choices.blocks("a@notspam.example")).isFalse();
        var broken = SignOnOpening.Choices.defaults().guarded(java.util.List.of("not a domain"), null, null);
        assertThatThrownBy(() -> opened(broken))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("blockedDomains"));
    }

    @Test
    void only_https_origins_may_frame_the_form_and_none_by_default() {
        assertThat(SignOnOpening.Choices.defaults().frameAncestors()).isEqualTo("'none'");
        var choices = SignOnOpening.Choices.defaults().guarded(null, java.util.List.of("https://A.example/"), null);
        assertThat(choices.frameAncestors()).isEqualTo("https://a.example");
        for (var bad : java.util.List.of(
                "http://a.example", "https://a.example/path", "*", "https://a.example; script-src *")) {
            var broken = SignOnOpening.Choices.defaults().guarded(null, java.util.List.of(bad), null);
            assertThatThrownBy(() -> opened(broken))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidField.class, e -> assertThat(e.field()).isEqualTo("embedOrigins"));
        }
    }

    @Test
    void organizers_write_questions_one_per_line_and_only_offered_choices_are_taken() {
        var questions = SignOnQuestion.parse("Sector: Health | Labour |  \n\nYour town\nNote: ");
        assertThat(questions)
                .containsExactly(
                        new SignOnQuestion("Sector", java.util.List.of("Health", "Labour")),
                        new SignOnQuestion("Your town", java.util.List.of()),
                        new SignOnQuestion("Note", java.util.List.of()));
        assertThat(questions.getFirst().written()).isEqualTo("Sector: Health | Labour");
        assertThat(SignOnQuestion.answers(questions, java.util.List.of("Labour", " Dakar ")))
                .containsExactly("Labour", "Dakar", "");
        assertThatThrownBy(() -> SignOnQuestion.answers(questions, java.util.List.of("Finance")))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("answers"));
        var tooMany = SignOnOpening.Choices.defaults().guarded(null, null, SignOnQuestion.parse("a\nb\nc\nd\ne\nf"));
        assertThatThrownBy(() -> opened(tooMany))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("questions"));
    }

    @Test
    void people_are_approved_on_confirmation_and_organizations_wait_for_an_organizer_by_default() {
        var opening = opened(SignOnOpening.Choices.defaults());
        assertThat(opening.statusOnConfirmation(SignOnKind.PERSON)).isEqualTo(SignOnStatus.APPROVED);
        assertThat(opening.statusOnConfirmation(SignOnKind.ORGANIZATION)).isEqualTo(SignOnStatus.CONFIRMED);
    }

    @Test
    void one_person_is_one_address_whatever_way_they_write_it() {
        assertThat(Signer.canonicalEmail(" Ana.Lima+climate@GoogleMail.com "))
                .isEqualTo(Signer.canonicalEmail("analima@gmail.com"))
                .isEqualTo("analima@gmail.com");
        assertThat(Signer.canonicalEmail("Jo.Doe+x@Example.org")).isEqualTo("jo.doe@example.org");
    }

    @Test
    void organizations_that_write_their_name_differently_share_a_key() {
        assertThat(Signer.organizationKey("Réseau Action-Climat", "FR", "https://www.rac-f.org/about"))
                .isEqualTo(Signer.organizationKey("reseau action climat", "FR", "http://rac-f.org"))
                .isEqualTo("reseauactionclimat|FR|rac-f.org");
        assertThat(Signer.organizationKey("Réseau Action Climat", "BE", null)).isEqualTo("reseauactionclimat|BE|");
    }

    @Test
    void a_signer_never_shows_in_logs() {
        assertThat(new Signer("a@example.org", "Ana", null, null).toString()).doesNotContain("Ana", "example");
        var signer = new Signer("a@example.org", "Ana", "Union", "Secretary", java.util.List.of("Health"));
        assertThat(Signer.fromJson(signer.toJson())).isEqualTo(signer);
        assertThat(Signer.fromJson("{\"email\":\"a@example.org\",\"name\":\"Ana\"}")
                        .answers())
                .as("written before there were questions")
                .isEmpty();
    }
}
