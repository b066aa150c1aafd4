package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every text carries its statement's dates of issue and publication (V1_327), which a phrase search sorts older
 * texts by: from the text's first write, after the statement is published, and after any change of its dates,
 * whoever writes them.
 */
@ChorusModuleTest
class TextDatesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_text_carries_its_statements_dates_from_its_first_write_and_after_each_change() {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var draft = statements.draft(owner, org, "en", Fixtures.unique("Undated"), "Words.");
        assertThat(textDates(draft)).containsExactly(Map.of("issued", "-", "published", "-"));

        var published = statements.published(owner, org, "en", Fixtures.unique("Dated"), "Words.");
        var dates = statementDates(published);
        assertThat(dates.get("published")).isNotEqualTo("-");
        assertThat(textDates(published)).containsExactly(dates);

        // a text written after the statement went public takes its dates as it is written
        jdbc.sql("""
                        insert into statement_texts (statement_id, language, title, body, body_html, status, updated_at)
                        select statement_id, 'fr', 'Daté', 'Des mots.', '<p>Des mots.</p>', 'PUBLISHED', now()
                        from statement_texts where statement_id = :id and language = 'en'
                        """).param("id", published.id().value()).update();
        assertThat(textDates(published)).containsExactly(dates, dates);

        // a change of the statement's dates, by the application or by hand, reaches every text
        jdbc.sql("update statements set issued_on = :day where id = :id")
                .param("day", LocalDate.parse("2021-03-04"))
                .param("id", published.id().value())
                .update();
        var changed = statementDates(published);
        assertThat(changed.get("issued")).isEqualTo("2021-03-04");
        assertThat(textDates(published)).containsExactly(changed, changed);
        assertThat(textDates(draft)).containsExactly(Map.of("issued", "-", "published", "-"));
    }

    @Test
    void the_migration_that_filled_in_the_dates_left_the_text_indexes_as_they_were() {
        assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = 'statement_texts'")
                        .query(Integer.class)
                        .single())
                .as("the key, a list index, and the words, titles and word pairs of five configurations")
                .isEqualTo(17);
        assertThat(jdbc.sql("""
                        select count(*) from pg_attribute a join pg_class i on i.oid = a.attrelid
                        where i.relname like 'statement\\_texts\\_pairs\\_%' and a.attstattarget = 10
                        """).query(Integer.class).single()).isEqualTo(5);
    }

    private Map<String, String> statementDates(Statement s) {
        return dates("statements where id = :id", s).getFirst();
    }

    private List<Map<String, String>> textDates(Statement s) {
        return dates("statement_texts where statement_id = :id order by language", s);
    }

    /** The dates of the rows {@code from} names, as text ("-" for none). */
    private List<Map<String, String>> dates(String from, Statement s) {
        return jdbc.sql("select coalesce(cast(issued_on as text), '-') as issued,"
                        + " coalesce(cast(published_at as text), '-') as published from " + from)
                .param("id", s.id().value())
                .query((rs, row) -> Map.of("issued", rs.getString("issued"), "published", rs.getString("published")))
                .list();
    }
}
