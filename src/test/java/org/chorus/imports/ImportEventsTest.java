package org.chorus.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** An import is announced once, with who ran it and how much came in, for the audit log. */
@ChorusModuleTest
@RecordApplicationEvents
class ImportEventsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    ImportingWordPress importing;

    @Autowired
    ApplicationEvents events;

    @Test
    void an_import_announces_who_ran_it_and_how_many_statements_and_comments_came_in() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        ImportReport report;
        try (var in = Files.newInputStream(Path.of("../shared/fixtures/wxr/small-export.xml"))) {
            report = importing.importExport(owner, org.id(), in, "en");
        }

        assertThat(events.stream(WordPressImported.class)).singleElement().satisfies(e -> {
            assertThat(e.organization()).isEqualTo(org.id());
            assertThat(e.by()).isEqualTo(owner.account());
            assertThat(e.statements()).isEqualTo(report.created()).isPositive();
            assertThat(e.comments()).isEqualTo(report.comments());
        });
    }
}
