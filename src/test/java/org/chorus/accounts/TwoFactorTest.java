package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;

/** Turning two-factor sign-in on and off, recovery codes, and the second step's checks. */
@ChorusModuleTest
class TwoFactorTest {

    @Autowired
    SettingUpTwoFactor setting;

    @Autowired
    SigningInWithTwoFactor signingIn;

    @Autowired
    AccountDirectory directory;

    @Autowired
    SigningUp signingUp;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    AccountId person(String prefix) {
        return signingUp.createActive(
                Fixtures.uniqueEmail(prefix), "Person " + prefix, Fixtures.PASSWORD, Language.ENGLISH, false);
    }

    /** Turns the authenticator app on for a new person; returns the secret and the recovery codes. */
    record WithApp(AccountId account, byte[] secret, List<String> codes) {}

    WithApp personWithApp(String prefix) {
        var person = person(prefix);
        var setup = setting.begin(person);
        var secret = TotpSecrets.Base32.decode(setup.secret());
        var codes = setting.confirm(person, Totp.code(secret, Totp.step(clock.instant()), 6));
        // the next code belongs to the next step: the one just used is spent
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return new WithApp(person, secret, codes);
    }

    String currentCode(byte[] secret) {
        return Totp.code(secret, Totp.step(clock.instant()), 6);
    }

    @Test
    void an_authenticator_app_is_on_only_once_a_code_from_it_was_typed(PublishedEvents events) {
        var person = person("app");
        var setup = setting.begin(person);
        assertThat(setup.uri()).startsWith("otpauth://totp/Chorus:").contains("secret=" + setup.secret());
        assertThat(directory.hasTwoFactor(person)).as("not before the code").isFalse();
        assertThat(signingIn.required(person)).isFalse();

        assertThatThrownBy(() -> setting.confirm(person, "000000"))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.messageKey()).isEqualTo("two-factor.code-wrong"));
        var secret = TotpSecrets.Base32.decode(setup.secret());
        var codes = setting.confirm(person, currentCode(secret));

        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[0-9a-f]{5}-[0-9a-f]{5}"));
        assertThat(directory.hasTwoFactor(person)).isTrue();
        assertThat(setting.status(person).recoveryCodesLeft()).isEqualTo(10);
        assertThat(events.ofType(AccountSecurityChanged.class)
                        .matching(e -> e.account().equals(person)
                                && e.change() == AccountSecurityChanged.Change.TWO_FACTOR_ENABLED))
                .hasSize(1);
    }

    @Test
    void the_secret_is_sealed_and_recovery_codes_are_stored_only_as_hashes_keyed_outside_the_database() {
        var person = personWithApp("sealed");
        var sealed = jdbc.sql("select secret_sealed from account_totp where account_id = :id")
                .param("id", person.account().value())
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(Totp.base32(person.secret()));
        var hashes = new HashSet<>(jdbc.sql("select code_hash from account_recovery_codes where account_id = :id")
                .param("id", person.account().value())
                .query(String.class)
                .list());
        assertThat(hashes).hasSize(10);
        assertThat(hashes).doesNotContainAnyElementsOf(person.codes());
        assertThat(hashes)
                .doesNotContainAnyElementsOf(person.codes().stream()
                        .map(SettingUpTwoFactor::normalized)
                        .toList());
        // a copy of the database alone cannot try the 2^40 codes: a plain SHA-256 of a code is not what is stored
        assertThat(hashes)
                .doesNotContainAnyElementsOf(person.codes().stream()
                        .map(SettingUpTwoFactor::normalized)
                        .map(org.chorus.shared.SecretToken::hash)
                        .toList());
    }

    @Test
    void a_code_signs_in_once_and_never_again(PublishedEvents events) {
        var person = personWithApp("once");
        var code = currentCode(person.secret());
        signingIn.verify(person.account(), code);
        assertThatThrownBy(() -> signingIn.verify(person.account(), code))
                .as("the same code, seen over a shoulder, is refused")
                .isInstanceOf(InvalidField.class);
        assertThat(events.ofType(AccountSecurityChanged.class)
                        .matching(e -> e.change() == AccountSecurityChanged.Change.RECOVERY_CODE_USED))
                .isEmpty();
    }

    @Test
    void a_recovery_code_signs_in_once_however_it_is_typed_and_is_recorded(PublishedEvents events) {
        var person = personWithApp("recovery");
        var code = person.codes().get(3);
        signingIn.verify(
                person.account(), " " + code.toUpperCase(java.util.Locale.ROOT).replace("-", " ") + " ");
        assertThat(setting.status(person.account()).recoveryCodesLeft()).isEqualTo(9);
        assertThatThrownBy(() -> signingIn.verify(person.account(), code)).isInstanceOf(InvalidField.class);
        assertThat(events.ofType(AccountSecurityChanged.class)
                        .matching(e -> e.account().equals(person.account())
                                && e.change() == AccountSecurityChanged.Change.RECOVERY_CODE_USED))
                .hasSize(1);
    }

    @Test
    void another_accounts_recovery_code_does_not_work() {
        var one = personWithApp("one");
        var other = personWithApp("other");
        assertThatThrownBy(() -> signingIn.verify(other.account(), one.codes().get(0)))
                .isInstanceOf(InvalidField.class);
    }

    @Test
    void after_five_wrong_codes_even_the_right_one_waits() {
        var person = personWithApp("guess");
        for (int i = 0; i < SigningInWithTwoFactor.ATTEMPTS; i++) {
            assertThatThrownBy(() -> signingIn.verify(person.account(), "000000"))
                    .isInstanceOf(InvalidField.class);
        }
        assertThatThrownBy(() -> signingIn.verify(person.account(), currentCode(person.secret())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.messageKey()).isEqualTo("two-factor.throttled");
                });
    }

    @Test
    void new_recovery_codes_replace_the_old_ones(PublishedEvents events) {
        var person = personWithApp("renew");
        var renewed = setting.renewRecoveryCodes(person.account());
        assertThat(renewed).hasSize(10).doesNotContainAnyElementsOf(person.codes());
        assertThatThrownBy(
                        () -> signingIn.verify(person.account(), person.codes().get(0)))
                .isInstanceOf(InvalidField.class);
        signingIn.verify(person.account(), renewed.get(0));
        assertThat(events.ofType(AccountSecurityChanged.class)
                        .matching(e -> e.account().equals(person.account())
                                && e.change() == AccountSecurityChanged.Change.RECOVERY_CODES_RENEWED))
                .hasSize(1);
    }

    @Test
    void turning_the_app_off_removes_it_and_its_recovery_codes(PublishedEvents events) {
        var person = personWithApp("off");
        setting.disable(person.account());
        assertThat(directory.hasTwoFactor(person.account())).isFalse();
        assertThat(setting.status(person.account()).recoveryCodesLeft()).isZero();
        assertThatThrownBy(() -> setting.renewRecoveryCodes(person.account()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(409));
        setting.disable(person.account());
        assertThat(events.ofType(AccountSecurityChanged.class)
                        .matching(e -> e.account().equals(person.account())
                                && e.change() == AccountSecurityChanged.Change.TWO_FACTOR_DISABLED))
                .as("once: turning off what is off changes nothing")
                .hasSize(1);
    }

    @Test
    void an_app_already_on_cannot_be_replaced_without_turning_it_off() {
        var person = personWithApp("twice");
        assertThatThrownBy(() -> setting.begin(person.account()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Autowired
    PasskeyCredentials passkeys;

    @Autowired
    PasskeyUsers passkeyUsers;

    @Test
    void adding_and_removing_a_passkey_is_recorded_with_its_name(PublishedEvents events) {
        var person = person("passkey-events");
        var entity = org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity.builder()
                .id(org.springframework.security.web.webauthn.api.Bytes.random())
                .name(directory.find(person).orElseThrow().email())
                .displayName("Person")
                .build();
        passkeyUsers.save(entity);
        var id = org.springframework.security.web.webauthn.api.Bytes.random();
        passkeys.save(org.springframework.security.web.webauthn.api.ImmutableCredentialRecord.builder()
                .credentialId(id)
                .userEntityUserId(entity.getId())
                .credentialType(org.springframework.security.web.webauthn.api.PublicKeyCredentialType.PUBLIC_KEY)
                .label("Security key")
                .publicKey(new org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose(new byte[] {1}))
                .signatureCount(0)
                .uvInitialized(true)
                .backupEligible(false)
                .backupState(false)
                .transports(java.util.Set.of())
                .build());
        assertThat(directory.hasTwoFactor(person)).isTrue();
        assertThat(signingIn.required(person))
                .as("the password alone no longer signs in")
                .isTrue();

        setting.removePasskey(person, id.toBase64UrlString());
        assertThat(directory.hasTwoFactor(person)).isFalse();
        assertThat(events.ofType(AccountSecurityChanged.class)
                        .matching(e -> e.account().equals(person) && "Security key".equals(e.detail())))
                .extracting(AccountSecurityChanged::change)
                .containsExactly(
                        AccountSecurityChanged.Change.PASSKEY_ADDED, AccountSecurityChanged.Change.PASSKEY_REMOVED);
    }
}
