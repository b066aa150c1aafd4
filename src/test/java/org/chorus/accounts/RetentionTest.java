package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.organizations.Role;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ChorusWebTest
class RetentionTest {

    @Autowired
    Retention retention;

    @Autowired
    SigningUp signingUp;

    @Autowired
    AccountDirectory directory;

    @Autowired
    ResettingPasswords resetting;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationPermissions permissions;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void an_account_never_activated_is_deleted_after_thirty_days_with_its_roles_but_active_ones_stay() {
        var pendingEmail = Fixtures.uniqueEmail("forgotten");
        var pending = signingUp.signUp(pendingEmail, "Never Activated", Fixtures.PASSWORD, Language.ENGLISH);
        var organization = fixtures.coalition();
        fixtures.grant(organization, fixtures.user(pending), Role.MEMBER);
        var active = fixtures.person("active");

        retention.deleteExpired();
        assertThat(directory.findByEmail(pendingEmail))
                .as("too young to delete")
                .isPresent();

        clock.advance(Duration.ofDays(31));
        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(directory.findByEmail(pendingEmail)).isEmpty();
        assertThat(permissions.roleOf(new Actor(pending, false), organization.id()))
                .isEmpty();
        assertThat(directory.find(active.id())).isPresent();
    }

    @Test
    void used_or_expired_reset_links_are_deleted() {
        var person = fixtures.person("links");
        var link = resetting.requestLink(person.email()).orElseThrow();
        clock.advance(Duration.ofDays(2));
        retention.deleteExpired();
        assertThat(resetting.linkUsable(link.substring(link.lastIndexOf('/') + 1)))
                .isFalse();
    }
}
