package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;

@ChorusModuleTest
class SigningOnTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    SignOnFixtures signOns;

    @Autowired
    SigningOn signing;

    @Autowired
    OpeningSignOns opening;

    @Autowired
    SignOnRetention retention;

    @Autowired
    SignOnStamps stamps;

    @Autowired
    org.chorus.statements.ReviewingStatements reviewing;

    @Autowired
    PersonalData personalData;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Organization issuer;
    Actor owner;
    Statement statement;

    @BeforeEach
    void a_statement_open_for_sign_on() {
        issuer = fixtures.coalition();
        owner = statements.ownerOf(issuer);
        statement = signOns.opened(owner, issuer);
    }

    int rowsFor(String email) {
        return jdbc.sql("select count(*) from signons where statement_id = :s and email_index = :i")
                .param("s", statement.id().value())
                .param("i", personalData.index(Signer.canonicalEmail(email), Signer.EMAIL_INDEX))
                .query(Integer.class)
                .single();
    }

    String status(String email) {
        return jdbc.sql("select status from signons where statement_id = :s and email_index = :i")
                .param("s", statement.id().value())
                .param("i", personalData.index(Signer.canonicalEmail(email), Signer.EMAIL_INDEX))
                .query(String.class)
                .single();
    }

    @Test
    void a_person_signs_confirms_by_the_link_mailed_to_them_and_is_counted(PublishedEvents events) {
        var email = Fixtures.uniqueEmail("signer");
        signOns.sign(
                statement,
                SignOnFixtures.person(
                        "Ana Lima", email, true, List.of(issuer.id().toString())));
        assertThat(status(email)).isEqualTo("PENDING");

        var letter = TestMail.awaitOne(email);
        assertThat(ReceivedMail.text(letter)).contains("Ana Lima");
        var confirm = SignOnFixtures.token(ReceivedMail.linkPath(letter, "/signons/confirm/"));
        assertThat(ReceivedMail.linkPath(letter, "/signons/withdraw/")).isNotBlank();

        var confirmation = signing.confirm(confirm);
        assertThat(confirmation.outcome()).isEqualTo(SigningOn.Outcome.CONFIRMED);
        assertThat(confirmation.statementSlug()).isEqualTo(statement.slug());
        assertThat(status(email)).isEqualTo("APPROVED");
        assertThat(events.ofType(SignOnConfirmed.class)
                        .matching(e -> e.statement().equals(statement.id())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(SignOnKind.PERSON);
                    assertThat(e.keepInformedBy()).containsExactly(issuer.id());
                });
        assertThat(signing.confirm(confirm).outcome())
                .as("a second press changes nothing")
                .isEqualTo(SigningOn.Outcome.ALREADY_CONFIRMED);
    }

    @Test
    void what_a_person_gives_is_sealed_and_only_their_consented_name_is_public() {
        var hidden = Fixtures.uniqueEmail("hidden");
        signOns.sign(statement, SignOnFixtures.person("Hidden Person", hidden, false, List.of()));
        var listed = Fixtures.uniqueEmail("listed");
        signOns.sign(statement, SignOnFixtures.person("Listed Person", listed, true, List.of()));
        var rows = jdbc.sql("select name, affiliation, personal from signons where statement_id = :s order by name")
                .param("s", statement.id().value())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)})
                .list();
        assertThat(rows).extracting(r -> r[0]).containsExactly("Listed Person", null);
        assertThat(rows).extracting(r -> r[1]).containsExactly("Union of Tests", null);
        var sealed = (byte[]) rows.get(1)[2];
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Hidden", "example.org");
        assertThat(Signer.fromJson(personalData.open(sealed, Signer.COLUMN)).email())
                .isEqualTo(hidden);
    }

    @Test
    void answers_to_the_organizers_questions_are_kept_sealed_with_the_signer() {
        var asking = signOns.opened(
                owner,
                issuer,
                SignOnOpening.Choices.defaults()
                        .guarded(List.of(), List.of(), SignOnQuestion.parse("Sector: Health | Labour\nYour town")));
        var email = Fixtures.uniqueEmail("answering");
        var form = SignOnFixtures.person("Answering", email, false, List.of());
        signOns.sign(asking, form.answering(List.of("Labour", "Dakar")));
        var sealed = jdbc.sql("select personal from signons where statement_id = :s")
                .param("s", asking.id().value())
                .query(byte[].class)
                .single();
        assertThat(Signer.fromJson(personalData.open(sealed, Signer.COLUMN)).answers())
                .containsExactly("Labour", "Dakar");
        var wrong = SignOnFixtures.person("Other", Fixtures.uniqueEmail("o"), false, List.of())
                .answering(List.of("Finance"));
        assertThatThrownBy(() -> signOns.sign(asking, wrong))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("answers"));
    }

    @Test
    void a_second_sign_on_of_the_same_person_is_answered_alike_and_told_by_mail_they_had_signed() throws Exception {
        var email = Fixtures.uniqueEmail("twice");
        signOns.sign(statement, SignOnFixtures.person("Twice", email, false, List.of()));
        signing.confirm(SignOnFixtures.token(SignOnFixtures.link(email, 0, "/signons/confirm/")));

        var variant = email.replace("@", "+again@").toUpperCase(java.util.Locale.ROOT);
        signOns.sign(statement, SignOnFixtures.person("Twice Again", variant, false, List.of()));
        assertThat(rowsFor(email)).isEqualTo(1);
        var second = TestMail.await(variant, 1).getFirst();
        assertThat(second.getSubject()).contains("already signed");
        assertThat(ReceivedMail.text(second)).doesNotContain("/signons/confirm/", "/signons/withdraw/");
    }

    @Test
    void signing_again_before_confirming_sends_a_new_link_and_the_old_one_stops_working() throws Exception {
        var email = Fixtures.uniqueEmail("again");
        signOns.sign(statement, SignOnFixtures.person("Again", email, false, List.of()));
        var first = SignOnFixtures.token(SignOnFixtures.link(email, 0, "/signons/confirm/"));
        signOns.sign(statement, SignOnFixtures.person("Again", email, false, List.of()));
        var second = SignOnFixtures.token(SignOnFixtures.link(email, 1, "/signons/confirm/"));
        assertThat(second).isNotEqualTo(first);
        assertThat(signing.confirm(first).outcome()).isEqualTo(SigningOn.Outcome.UNKNOWN);
        assertThat(signing.confirm(second).outcome()).isEqualTo(SigningOn.Outcome.CONFIRMED);
        assertThat(rowsFor(email)).isEqualTo(1);
    }

    @Test
    void a_robot_that_fills_the_hidden_field_is_answered_as_if_accepted_and_nothing_is_kept() {
        var email = Fixtures.uniqueEmail("robot");
        signOns.sign(statement, SignOnFixtures.person("Robot", email, false, List.of()), "http://spam.example");
        assertThat(rowsFor(email)).isZero();
        assertThat(TestMail.everDeliveredTo(email)).isFalse();
    }

    @Test
    void a_sign_on_from_a_blocked_domain_is_answered_as_if_accepted_and_never_stored() {
        var guarded = signOns.opened(
                owner, issuer, SignOnOpening.Choices.defaults().guarded(List.of("Spam.example"), List.of(), List.of()));
        var email = "bot-" + java.util.UUID.randomUUID() + "@mail.spam.example";
        var answer = signing.sign(
                guarded.slug(),
                SignOnFixtures.person("Bot", email, false, List.of()),
                new SigningOn.Signals("", stampShownBefore(guarded), "198.51.100.9"),
                Language.ENGLISH);
        assertThat(answer.statement().id()).isEqualTo(guarded.id());
        assertThat(jdbc.sql("select count(*) from signons where statement_id = :s")
                        .param("s", guarded.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(TestMail.everDeliveredTo(email)).isFalse();
    }

    String stampShownBefore(Statement statement) {
        var stamp = stamps.issue(statement.id());
        clock.advance(Duration.ofSeconds(5));
        return stamp;
    }

    @Test
    void demo_and_benchmark_sign_ons_are_stored_listed_at_once_without_letters() {
        var email = Fixtures.uniqueEmail("seeded");
        var stored = signing.seedListed(
                statement.id(),
                List.of(
                        SignOnFixtures.person("Seeded", email, true, List.of()),
                        SignOnFixtures.person("Seeded again", email, true, List.of()),
                        SignOnFixtures.organization("Seeded Org", Fixtures.uniqueEmail("org"), "SN", "")),
                Language.ENGLISH);
        assertThat(stored).isEqualTo(2);
        assertThat(status(email)).isEqualTo("APPROVED");
        assertThat(TestMail.everDeliveredTo(email)).isFalse();
    }

    @Test
    void a_form_without_a_genuine_stamp_or_sent_too_fast_is_refused() {
        var form = SignOnFixtures.person("Fast", Fixtures.uniqueEmail("fast"), false, List.of());
        assertThatThrownBy(() -> signing.sign(
                        statement.slug(), form, new SigningOn.Signals("", "forged.123.abc", "::1"), Language.ENGLISH))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("signons.form-invalid"));
        var other = signOns.opened(owner, issuer);
        var stampOfAnother = stamps.issue(other.id());
        clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> signing.sign(
                        statement.slug(), form, new SigningOn.Signals("", stampOfAnother, "::1"), Language.ENGLISH))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("signons.form-invalid"));
    }

    @Test
    void every_broken_field_is_reported_at_once_and_nothing_is_kept() {
        var email = "not an address";
        var form = new SignOnForm(SignOnKind.ORGANIZATION, " ", email, "XX", "", "", "ftp://x", "", "", false, null);
        assertThatThrownBy(() -> signOns.sign(statement, form))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        e -> assertThat(e.fields())
                                .extracting(InvalidField::field)
                                .containsExactly("name", "email", "country", "contactPerson", "website"));
    }

    @Test
    void the_link_expires_after_seven_days_and_the_hourly_job_deletes_what_was_never_confirmed() {
        var email = Fixtures.uniqueEmail("late");
        signOns.sign(statement, SignOnFixtures.person("Late", email, false, List.of()));
        var token = SignOnFixtures.token(SignOnFixtures.link(email, 0, "/signons/confirm/"));
        clock.advance(SignOn.CONFIRMATION_VALIDITY.plusMinutes(1));
        assertThat(signing.confirm(token).outcome()).isEqualTo(SigningOn.Outcome.EXPIRED);
        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(rowsFor(email)).isZero();
        assertThat(signing.confirm(token).outcome()).isEqualTo(SigningOn.Outcome.UNKNOWN);
    }

    @Test
    void withdrawing_deletes_the_sign_on_with_everything_it_held(PublishedEvents events) {
        var email = Fixtures.uniqueEmail("withdraw");
        signOns.sign(
                statement,
                SignOnFixtures.person(
                        "Leaving", email, true, List.of(issuer.id().toString())));
        var confirm = SignOnFixtures.token(SignOnFixtures.link(email, 0, "/signons/confirm/"));
        var withdraw = SignOnFixtures.token(SignOnFixtures.link(email, 0, "/signons/withdraw/"));
        signing.confirm(confirm);
        assertThat(signing.withdrawable(withdraw)).contains(statement.slug());

        assertThat(signing.withdraw(withdraw))
                .map(SigningOn.Withdrawal::statementSlug)
                .contains(statement.slug());
        assertThat(rowsFor(email)).isZero();
        assertThat(jdbc.sql("select count(*) from signon_consents c where not exists"
                                + " (select 1 from signons s where s.id = c.signon_id)")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(events.ofType(SignOnWithdrawn.class)
                        .matching(e -> e.statement().equals(statement.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.wasListed()).isTrue());
        assertThat(signing.withdraw(withdraw)).isEmpty();
    }

    @Test
    void an_organization_waits_for_the_organizers_and_one_that_looks_the_same_is_kept_and_flagged() {
        var email = Fixtures.uniqueEmail("contact");
        signOns.sign(statement, SignOnFixtures.organization("Réseau Climat", email, "FR", "https://www.rc.example"));
        var again = Fixtures.uniqueEmail("other-contact");
        signOns.sign(statement, SignOnFixtures.organization("reseau climat", again, "FR", "rc.example"));
        var confirmation = signing.confirm(SignOnFixtures.token(SignOnFixtures.link(email, 0, "/signons/confirm/")));
        assertThat(confirmation.outcome()).isEqualTo(SigningOn.Outcome.AWAITS_APPROVAL);
        assertThat(jdbc.sql("select organization_key from signons where statement_id = :s and kind = 'ORGANIZATION'")
                        .param("s", statement.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("reseauclimat|FR|rc.example", "reseauclimat|FR|rc.example");
    }

    @Test
    void an_owner_signs_for_their_organization_in_one_click_once() {
        var member = fixtures.coalition();
        var memberOwner = statements.ownerOf(member);
        var signOn =
                signing.signForOrganization(memberOwner, statement.slug(), member.slug(), List.of(), Language.ENGLISH);
        assertThat(signOn.status()).isEqualTo(SignOnStatus.CONFIRMED);
        assertThat(signOn.name()).isEqualTo(member.name());
        assertThat(signing.signForOrganization(
                                memberOwner, statement.slug(), member.slug(), List.of(), Language.ENGLISH)
                        .id())
                .isEqualTo(signOn.id());

        var editor = fixtures.person("editor");
        fixtures.grant(member, editor, Role.EDITOR);
        assertThatThrownBy(() -> signing.signForOrganization(
                        Actor.of(editor), statement.slug(), member.slug(), List.of(), Language.ENGLISH))
                .isInstanceOf(PermissionDenied.class);
    }

    @Test
    void a_closed_or_past_deadline_statement_takes_no_sign_on_and_one_for_organizations_refuses_people() {
        var deadline = clock.instant().plus(Duration.ofDays(1));
        var limited = signOns.opened(
                owner,
                issuer,
                new SignOnOpening.Choices(WhoMaySign.ORGANIZATIONS, deadline, true, true, false, "", 30));
        var person = SignOnFixtures.person("Person", Fixtures.uniqueEmail("p"), false, List.of());
        assertThatThrownBy(() -> signOns.sign(limited, person))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("signons.kind-not-accepted"));
        clock.advance(Duration.ofDays(2));
        var organization = SignOnFixtures.organization("Late Org", Fixtures.uniqueEmail("o"), "KE", "");
        assertThatThrownBy(() -> signOns.sign(limited, organization))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("signons.closed"));

        opening.close(owner, statement.slug(), Language.ENGLISH);
        assertThatThrownBy(() -> signOns.sign(statement, person))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("signons.closed"));
    }

    @Test
    void a_node_that_still_keeps_the_statement_open_stores_no_sign_on_once_another_closed_it() {
        var email = Fixtures.uniqueEmail("late");
        signOns.sign(statement, SignOnFixtures.person("Early", Fixtures.uniqueEmail("early"), false, List.of()));
        // another node closes it: this node hears no event and still keeps the opening it read
        jdbc.sql("update signon_openings set status = 'CLOSED', closed_at = now() where statement_id = :s")
                .param("s", statement.id().value())
                .update();
        assertThatThrownBy(() -> signOns.sign(statement, SignOnFixtures.person("Late", email, false, List.of())))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("signons.closed"));
        assertThat(rowsFor(email)).isZero();
    }

    @Test
    void only_the_issuers_editors_open_and_close_and_only_a_published_statement() {
        var outsider = Actor.of(fixtures.person("outsider"));
        assertThatThrownBy(() -> opening.close(outsider, statement.slug(), Language.ENGLISH))
                .isInstanceOf(DomainException.class);
        var draft = statements.draft(owner, issuer, "en", Fixtures.unique("Draft"), "Not yet.");
        assertThatThrownBy(() -> opening.open(owner, draft.slug(), SignOnOpening.Choices.defaults(), Language.ENGLISH))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("signons.statement-not-public"));
    }

    @Test
    void opening_and_closing_renew_the_cached_pages_and_a_retracted_statement_takes_no_more_sign_ons(
            PublishedEvents events) {
        opening.close(owner, statement.slug(), Language.ENGLISH);
        opening.open(owner, statement.slug(), SignOnOpening.Choices.defaults(), Language.ENGLISH);
        assertThat(events.ofType(SignOnOpeningChanged.class)
                        .matching(e -> e.statement().equals(statement.id())))
                .extracting(SignOnOpeningChanged::open)
                .containsExactly(false, true);
        assertThat(formContext().acceptingNow()).isTrue();
        reviewing.retract(owner, statement.id(), "Superseded.");
        org.chorus.support.Eventually.eventually("the sign-on closes after the retraction")
                .until(() -> !formContext().acceptingNow());
    }

    SigningOn.FormContext formContext() {
        return signing.formContext(statement.id()).orElseThrow();
    }

    @Test
    void personal_data_goes_once_the_retention_after_closing_is_over_and_country_and_status_stay() {
        var kept = signOns.opened(
                owner, issuer, new SignOnOpening.Choices(WhoMaySign.BOTH, null, true, true, false, "", 10));
        var email = Fixtures.uniqueEmail("retained");
        signOns.sign(kept, SignOnFixtures.person("Retained", email, true, List.of()));
        signing.confirm(SignOnFixtures.token(SignOnFixtures.link(email, 0, "/signons/confirm/")));
        opening.close(owner, kept.slug(), Language.ENGLISH);
        clock.advance(Duration.ofDays(11));
        retention.deleteExpired();
        var row = jdbc.sql("select personal, email_index, name, country, status from signons where statement_id = :s")
                .param("s", kept.id().value())
                .query((rs, n) ->
                        new Object[] {rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getString(4), rs.getString(5)
                        })
                .single();
        assertThat(row).containsExactly(null, null, null, "FR", "APPROVED");
    }
}
