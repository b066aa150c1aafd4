package org.chorus.follows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.follows.FollowMail.subject;
import static org.chorus.follows.FollowMail.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.chorus.imports.ImportingWordPress;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.StatementFixtures;
import org.chorus.statements.StatementId;
import org.chorus.statements.WritingStatements;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What followers are told of statements that were not written here: republications and imports (decision 0003). */
@ChorusWebTest
class NoticesOfRepublicationsAndImportsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    FollowFixtures follows;

    @Autowired
    WritingStatements writing;

    @Autowired
    ReadingStatements reading;

    @Autowired
    ImportingWordPress importing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void followers_of_the_republisher_hear_whose_statement_it_republished_and_topic_followers_are_not_told_twice()
            throws Exception {
        var source = fixtures.coalition();
        var republisher = fixtures.coalition();
        var topic = Fixtures.unique("rivers").toLowerCase();
        var ofRepublisher = Fixtures.uniqueEmail("of-republisher");
        var ofTopic = Fixtures.uniqueEmail("of-topic");
        follows.follow(mvc, ofRepublisher, "organization", republisher.slug(), "en", "IMMEDIATE", false);
        follows.follow(mvc, ofTopic, "topic", topic, "en", "IMMEDIATE", false);

        var original = follows.publish(statements.ownerOf(source), source, "en", "Free the rivers", topic);
        var copy = writing.republish(statements.ownerOf(republisher), republisher.id(), original.slug(), null);
        follows.awaitNotices(original.id());
        follows.awaitNotices(copy.id());

        var notice = TestMail.await(ofRepublisher, 2).get(1);
        assertThat(subject(notice)).isEqualTo(republisher.name() + " republished: Free the rivers");
        assertThat(text(notice))
                .contains(republisher.name() + " republished a statement by " + source.name() + ".")
                .contains("http://localhost/s/" + copy.slug())
                .contains("because you follow " + republisher.name());
        assertThat(TestMail.await(ofTopic, 2).stream().map(FollowMail::subject))
                .as("the confirmation and the original, not the copy")
                .containsExactly("Confirm: follow the topic “" + topic + "”", source.name() + ": Free the rivers");
        assertThat(notices(copy.id())).isEqualTo(1);
    }

    @Test
    void a_republication_of_a_page_from_elsewhere_is_news_to_topic_followers_too() throws Exception {
        var republisher = fixtures.coalition();
        var topic = Fixtures.unique("seeds").toLowerCase();
        var ofTopic = Fixtures.uniqueEmail("of-topic");
        follows.follow(mvc, ofTopic, "topic", topic, "en", "IMMEDIATE", false);

        var copy = writing.republishFromUrl(
                statements.ownerOf(republisher),
                republisher.id(),
                "https://example.org/seeds",
                "Seed Savers Network",
                LocalDate.parse("2026-09-01"),
                null,
                new StatementDraft(
                        "en",
                        "Keep seeds free",
                        "",
                        "Seeds are commons.",
                        null,
                        null,
                        topic,
                        false,
                        List.of(),
                        List.of()));

        var notice = TestMail.await(ofTopic, 2).get(1);
        assertThat(subject(notice)).isEqualTo(republisher.name() + " republished: Keep seeds free");
        assertThat(text(notice))
                .contains(republisher.name() + " republished a statement by Seed Savers Network.")
                .contains("http://localhost/s/" + copy.slug());
    }

    @Test
    void followers_get_no_letter_about_the_old_posts_of_an_imported_wordpress_site() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var ofOrganization = Fixtures.uniqueEmail("of-importer");
        follows.follow(mvc, ofOrganization, "organization", org.slug(), "en", "IMMEDIATE", false);

        try (var in = Files.newInputStream(Path.of("../shared/fixtures/wxr/small-export.xml"))) {
            assertThat(importing.importExport(owner, org.id(), in, "en").published())
                    .isGreaterThanOrEqualTo(3);
        }
        var imported = reading.ofOrganization(owner, org.id());
        for (var statement : imported) {
            if (statement.isPublic()) {
                follows.awaitNotices(statement.id());
            }
            assertThat(notices(statement.id())).as(statement.slug()).isZero();
        }

        var news = statements.published(owner, org, "en", "After the move", "We are here now.");
        var letters = TestMail.await(ofOrganization, 2);
        assertThat(letters.stream().map(FollowMail::subject))
                .as("the confirmation, then only the statement written here")
                .containsExactly("Confirm: follow " + org.name(), org.name() + ": After the move");
        assertThat(notices(news.id())).isEqualTo(1);
    }

    private long notices(StatementId statement) {
        return jdbc.sql("select count(*) from email_outbox where idempotency_key like :k")
                .param("k", "follows.statement:" + statement.value() + ":%")
                .query(Long.class)
                .single();
    }
}
