package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.SecretToken;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.statements.StatementId;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ChorusModuleTest
class SignOnsRepositoryTest {

    @Autowired
    SignOns signOns;

    @Autowired
    PersonalData personalData;

    @Autowired
    TestClock clock;

    // PostgreSQL keeps microseconds
    java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    SignOnOpening opening() {
        var opening = SignOnOpening.open(
                StatementId.random(),
                OrganizationId.random(),
                AccountId.random(),
                SignOnOpening.Choices.defaults(),
                now());
        signOns.save(opening);
        return opening;
    }

    SignOn person(SignOnOpening opening) {
        var now = now();
        return new SignOn(
                SignOnId.random(),
                opening.statement(),
                SignOnKind.PERSON,
                SignOnStatus.PENDING,
                "FR",
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                "fr",
                now,
                null,
                now.plus(SignOn.CONFIRMATION_VALIDITY));
    }

    boolean store(SignOn signOn, String email, SecretToken confirm) {
        var signer = new Signer(email, "Ana Lima", null, null);
        return signOns.insert(
                signOn,
                personalData.seal(signer.toJson(), Signer.COLUMN),
                personalData.index(Signer.canonicalEmail(email), Signer.EMAIL_INDEX),
                "network",
                confirm.hash(),
                SecretToken.generate().hash());
    }

    @Test
    void an_opening_is_kept_closed_and_reopened_with_its_choices() {
        var opening = opening();
        assertThat(signOns.opening(opening.statement())).contains(opening);
        var closed = opening.close(now());
        signOns.save(closed);
        assertThat(signOns.openingForUpdate(opening.statement())).contains(closed);
        assertThat(signOns.openings(java.util.List.of(opening.statement()))).containsExactly(closed);
    }

    @Test
    void a_person_signs_a_statement_once_whatever_way_they_write_their_address() {
        var opening = opening();
        var token = SecretToken.generate();
        var first = person(opening);
        assertThat(store(first, "ana.lima@gmail.com", token)).isTrue();
        assertThat(store(person(opening), "AnaLima+again@googlemail.com", SecretToken.generate()))
                .isFalse();

        var found = signOns.byConfirmToken(token.hash()).orElseThrow();
        assertThat(found.signOn()).isEqualTo(first);
        assertThat(Signer.fromJson(personalData.open(found.personal(), Signer.COLUMN))
                        .email())
                .isEqualTo("ana.lima@gmail.com");
        assertThat(signOns.person(
                        opening.statement(),
                        personalData.index(Signer.canonicalEmail("analima@gmail.com"), Signer.EMAIL_INDEX)))
                .map(SignOns.Stored::signOn)
                .contains(first);
    }

    @Test
    void a_confirmation_counts_once_and_a_withdrawal_deletes_everything() {
        var opening = opening();
        var signOn = person(opening);
        store(signOn, "once@example.org", SecretToken.generate());
        signOns.consent(signOn.id(), java.util.List.of(opening.organization()));
        var confirmed = signOn.confirm(opening, now());
        assertThat(confirmed.status()).isEqualTo(SignOnStatus.APPROVED);
        assertThat(signOns.confirm(confirmed)).isTrue();
        assertThat(signOns.confirm(confirmed)).isFalse();
        assertThat(signOns.byId(signOn.id()).orElseThrow().signOn()).isEqualTo(confirmed);
        assertThat(signOns.consents(signOn.id())).containsExactly(opening.organization());

        assertThat(signOns.delete(signOn.id())).isTrue();
        assertThat(signOns.byId(signOn.id())).isEmpty();
        assertThat(signOns.consents(signOn.id())).isEmpty();
    }

    @Test
    void sign_ons_never_confirmed_are_deleted_once_their_link_expired() {
        var opening = opening();
        var stale = person(opening);
        store(stale, "stale@example.org", SecretToken.generate());
        clock.advance(SignOn.CONFIRMATION_VALIDITY.plus(Duration.ofMinutes(1)));
        var fresh = person(opening);
        store(fresh, "fresh@example.org", SecretToken.generate());
        assertThat(signOns.deleteUnconfirmed(now(), 1_000)).isGreaterThanOrEqualTo(1);
        assertThat(signOns.byId(stale.id())).isEmpty();
        assertThat(signOns.byId(fresh.id())).isPresent();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void after_the_retention_the_network_hash_goes_with_the_personal_data() {
        // a retention of one day, so the run's shared clock moves little
        var opening = SignOnOpening.open(
                StatementId.random(),
                OrganizationId.random(),
                AccountId.random(),
                new SignOnOpening.Choices(WhoMaySign.BOTH, null, true, true, false, "", 1),
                now());
        signOns.save(opening);
        var signOn = person(opening);
        store(signOn, "kept-for-a-while@example.org", SecretToken.generate());
        signOns.confirm(signOn.confirm(opening, now()));
        signOns.save(opening.close(now()));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(signOns.forgetPersonalData(clock.instant())).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select network from signons where id = :id")
                        .param("id", signOn.id().value())
                        .query(String.class)
                        .single())
                .isEmpty();
    }
}
