package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.chorus.accounts.AccountsDeleted;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/** When accounts says accounts were deleted, organizations drops the memberships that refer to them. */
@ChorusModuleTest
class DeletedAccountsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationPermissions permissions;

    @Test
    void the_memberships_of_deleted_accounts_go_with_them_and_the_others_stay(Scenario scenario) {
        var organization = fixtures.coalition();
        var gone = fixtures.person("gone");
        var staying = fixtures.person("staying");
        fixtures.grant(organization, gone, Role.MEMBER);
        fixtures.grant(organization, staying, Role.EDITOR);

        scenario.publish(new AccountsDeleted(List.of(gone.id())))
                .andWaitForStateChange(() -> permissions.roleOf(Actor.of(gone), organization.id()), Optional::isEmpty)
                .andVerify(role -> assertThat(permissions.roleOf(Actor.of(staying), organization.id()))
                        .contains(Role.EDITOR));
    }
}
