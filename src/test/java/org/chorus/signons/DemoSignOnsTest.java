package org.chorus.signons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ChorusModuleTest
class DemoSignOnsTest {

    @Autowired
    DemoSignOns demo;

    @Autowired
    ReadingSignOns reading;

    @Autowired
    SignOnRows rows;

    @Test
    void the_demo_statement_gets_listed_organizations_in_many_countries_people_and_a_few_waiting() {
        var statement = rows.opened(Fixtures.unique("Demo"));
        rows.counted(() -> demo.seed(statement.id(), 40, 30));

        assertThat(reading.totals(statement.id())).contains(new SignOnTotals(40, 32, 30, WhoMaySign.BOTH, true));
        var list = reading.list(statement.slug(), "en");
        assertThat(reading.people(list, null).items())
                .hasSize(20)
                .allMatch(p -> p.name() != null && !p.name().isBlank());
        assertThat(reading.organizations(statement.id(), Locale.ENGLISH, null).items())
                .hasSize(40)
                .allMatch(o -> o.websiteLink() != null && o.websiteLink().endsWith(".example.org"));
    }
}
