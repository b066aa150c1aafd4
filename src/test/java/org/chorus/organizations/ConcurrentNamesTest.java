package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.chorus.support.AtOnce;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Organizations registered at the same moment with the same name each get their own address; none fails. */
@ChorusModuleTest
class ConcurrentNamesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegisteringOrganizations registering;

    @Test
    void organizations_with_one_name_registered_at_once_all_get_distinct_slugs() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var name = Fixtures.unique("Same Name");
        var slugs = new HashSet<String>();
        for (var slug : AtOnce.all(
                6,
                () -> registering
                        .registerBelow(
                                Actor.of(owner), coalition.slug(), OrganizationKind.MEMBER, Fixtures.profile(name))
                        .slug())) {
            slugs.add(slug);
        }
        assertThat(slugs).hasSize(6);
    }
}
