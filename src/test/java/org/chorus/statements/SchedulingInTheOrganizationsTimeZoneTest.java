package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.shared.InvalidField;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Publish at" is typed on the organization's clocks, not the server's. */
@ChorusModuleTest
class SchedulingInTheOrganizationsTimeZoneTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    RegisteringOrganizations registering;

    @Autowired
    CoalitionDirectory directory;

    @Test
    void an_organization_without_a_time_zone_works_in_the_sites_default() {
        var org = fixtures.coalition();
        assertThat(directory.timeZone(org.id())).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void nine_in_the_morning_in_nairobi_is_six_in_the_morning_utc() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        registering.updateProfile(owner, org.id(), Fixtures.profile(org.name()), "Africa/Nairobi");
        assertThat(directory.timeZone(org.id())).isEqualTo(ZoneId.of("Africa/Nairobi"));
        var draft = statements.draft(owner, org, "en", Fixtures.unique("At nine"), "Morning.");

        var scheduled = reviewing.approveAt(owner, draft.id(), LocalDateTime.parse("2031-03-10T09:00"));

        assertThat(scheduled.status()).isEqualTo(StatementStatus.SCHEDULED);
        assertThat(scheduled.scheduledFor()).isEqualTo(Instant.parse("2031-03-10T06:00:00Z"));
    }

    @Test
    void a_time_zone_that_is_not_on_the_list_is_refused_for_its_field() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        assertThatThrownBy(() -> registering.updateProfile(owner, org.id(), Fixtures.profile(org.name()), "Mars/Base"))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("timeZone"));
        assertThat(directory.timeZone(org.id())).isEqualTo(ZoneId.of("UTC"));
    }
}
