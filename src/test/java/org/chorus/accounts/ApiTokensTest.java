package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;

/** API tokens expire, can be revoked by their owner, and do not survive a password reset (issue 11, hole 8). */
@ChorusModuleTest
class ApiTokensTest {

    @Autowired
    ApiTokens tokens;

    @Autowired
    SigningUp signingUp;

    @Autowired
    ResettingPasswords resetting;

    @Autowired
    TestClock clock;

    @Test
    void a_token_works_until_it_expires_and_then_is_refused_as_expired() {
        var account = account("expiring");
        var token = tokens.create(account, "sync", "30", "", ApiTokens.DEFAULT_SCOPES)
                .value();
        assertThat(tokens.authenticate(token)).isPresent();

        clock.advance(Duration.ofDays(29));
        assertThat(tokens.authenticate(token)).as("the 29th day").isPresent();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(tokens.check(token).refusal()).isEqualTo(ApiTokens.Refusal.EXPIRED);
        assertThat(tokens.of(account))
                .singleElement()
                .satisfies(t -> assertThat(t.expired()).isTrue());
    }

    @Test
    void a_token_lasts_ninety_days_unless_its_creator_chose_otherwise() {
        var account = account("default");
        var email = emailOf(account);
        tokens.create(email, "cli");
        tokens.create(email, "cli-year", 365, ApiTokens.DEFAULT_SCOPES);
        var now = clock.instant();
        assertThat(tokens.of(account))
                .extracting(t -> Duration.between(now, t.expiresAt()).toDays())
                .containsExactlyInAnyOrder(89L, 364L);
    }

    @Test
    void a_chosen_last_day_is_accepted_up_to_a_year_ahead_and_refused_next_to_the_field_beyond() {
        var account = account("dated");
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var created = tokens.create(account, "dated", "date", today.plusDays(10).toString(), ApiTokens.DEFAULT_SCOPES);
        assertThat(created.expiresAt())
                .as("it works through the chosen day")
                .isEqualTo(today.plusDays(11).atStartOfDay().toInstant(ZoneOffset.UTC));

        for (var day :
                new String[] {today.toString(), today.plusYears(1).plusDays(2).toString(), "31/12/2027"}) {
            assertThatThrownBy(() -> tokens.create(account, "dated", "date", day, ApiTokens.DEFAULT_SCOPES))
                    .isInstanceOfSatisfying(
                            InvalidField.class, e -> assertThat(e.field()).isEqualTo("expiresOn"));
        }
        assertThatThrownBy(() -> tokens.create(account, "forever", "100000", "", ApiTokens.DEFAULT_SCOPES))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("expiry"));
        assertThatThrownBy(() -> tokens.create(account, "  ", "90", "", ApiTokens.DEFAULT_SCOPES))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("label"));
    }

    @Test
    void a_person_revokes_their_own_token_but_cannot_touch_someone_elses(PublishedEvents events) {
        var owner = account("owner");
        var stranger = account("stranger");
        var token = tokens.create(owner, "deploy", "90", "", ApiTokens.DEFAULT_SCOPES);
        var id = tokens.of(owner).getFirst().id();

        assertThatThrownBy(() -> tokens.revoke(stranger, id)).isInstanceOf(NotFoundException.class);
        assertThat(tokens.authenticate(token.value())).isPresent();

        tokens.revoke(owner, id);
        assertThat(tokens.check(token.value()).refusal()).isEqualTo(ApiTokens.Refusal.REVOKED);
        assertThat(tokens.of(owner)).isEmpty();
        assertThat(events.ofType(AccountSecurityChanged.class)
                        .matching(e -> e.account().equals(owner)))
                .extracting(e -> e.change() + " " + e.detail())
                .containsExactly("API_TOKEN_CREATED deploy", "API_TOKEN_REVOKED deploy");
    }

    @Test
    void resetting_the_password_revokes_every_token_of_the_account(PublishedEvents events) {
        var account = account("reset");
        var first = tokens.create(account, "one", "90", "", ApiTokens.DEFAULT_SCOPES)
                .value();
        var second = tokens.create(account, "two", "365", "", ApiTokens.DEFAULT_SCOPES)
                .value();
        var other = tokens.create(account("bystander"), "three", "90", "", ApiTokens.DEFAULT_SCOPES)
                .value();

        var link = resetting.requestLink(emailOf(account)).orElseThrow();
        resetting.reset(link.substring(link.lastIndexOf('/') + 1), "a brand new password");

        assertThat(tokens.authenticate(first)).isEmpty();
        assertThat(tokens.authenticate(second)).isEmpty();
        assertThat(tokens.authenticate(other)).as("another account's token").isPresent();
        assertThat(events.ofType(AccountSecurityChanged.class)
                        .matching(e -> e.account().equals(account)
                                && e.change() == AccountSecurityChanged.Change.API_TOKEN_REVOKED))
                .extracting(AccountSecurityChanged::detail)
                .containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void only_the_day_of_last_use_is_kept() {
        var account = account("used");
        var token = tokens.create(account, "used", "90", "", ApiTokens.DEFAULT_SCOPES)
                .value();
        assertThat(tokens.of(account).getFirst().lastUsedDay()).isNull();
        tokens.authenticate(token);
        assertThat(tokens.of(account).getFirst().lastUsedDay())
                .isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        assertThat(tokens.of(account).getFirst().createdAt()).isCloseTo(clock.instant(), within());
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES);
    }

    private final java.util.Map<AccountId, String> emails = new java.util.HashMap<>();

    private AccountId account(String prefix) {
        var email = Fixtures.uniqueEmail(prefix);
        var id = signingUp.createActive(email, "Token Holder", Fixtures.PASSWORD, Language.ENGLISH, false);
        emails.put(id, email);
        return id;
    }

    private String emailOf(AccountId account) {
        return emails.get(account);
    }
}
