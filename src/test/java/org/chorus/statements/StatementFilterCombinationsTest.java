package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list SQL built from the filters in use (decision 0025) lists what the one generic query of before listed, for
 * every combination of organizations, topic, language and dates: same statements, same order, same text chosen.
 */
@ChorusModuleTest
class StatementFilterCombinationsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    WritingStatements writing;

    @Autowired
    ReviewingStatements reviewing;

    @Autowired
    Statements repository;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_combination_of_filters_lists_what_the_generic_query_listed() {
        var coalition = fixtures.coalition();
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        var member = fixtures.below(chapter, OrganizationKind.MEMBER);
        var owner = statements.ownerOf(coalition);
        fixtures.grant(chapter, fixtures.user(owner.account()), Role.EDITOR);
        var topic = Fixtures.unique("combo");
        var first = publish(owner, coalition, "en", "2024-03-10", topic, List.of());
        var month = publish(owner, coalition, "en", "2024-03", topic, List.of());
        var french = publish(owner, coalition, "fr", "2024-03-20", "other", List.of(chapter.slug()));
        writing.translate(owner, first.id(), "fr", "Premier", "", "Texte.", null, true);
        writing.translate(owner, french.id(), "en", "Draft English", "", "Not yet.", null, false);
        var gone = publish(owner, coalition, "en", "2024-03-12", topic, List.of());
        reviewing.retract(owner, gone.id(), "Withdrawn.");
        var memberOwner = statements.ownerOf(member);
        publish(memberOwner, member, "es", "2024-04-01", topic, List.of());
        writing.republish(memberOwner, member.id(), first.slug(), null);

        var organizationLists = new ArrayList<List<OrganizationId>>();
        organizationLists.add(null);
        organizationLists.add(List.of(coalition.id()));
        organizationLists.add(List.of(chapter.id(), member.id()));
        organizationLists.add(List.of());
        var many = new ArrayList<OrganizationId>(List.of(chapter.id(), member.id()));
        for (int i = 0; many.size() <= Statements.FEW_ORGANIZATIONS; i++) {
            many.add(new OrganizationId(UUID.randomUUID()));
        }
        organizationLists.add(many);
        int compared = 0;
        for (var organizations : organizationLists) {
            for (var t : Arrays.asList(null, topic)) {
                for (var language : Arrays.asList(null, "fr")) {
                    for (var from : Arrays.asList(null, LocalDate.of(2024, 3, 15))) {
                        for (var to : Arrays.asList(null, LocalDate.of(2024, 3, 31))) {
                            var filter = new StatementFilter(null, t, language, from, to);
                            for (var reader : List.of("en", "fr")) {
                                var expected = generic(organizations, filter, reader);
                                var listed =
                                        repository
                                                .listPublic(organizations, filter, reader, ListPosition.newest(), 20)
                                                .stream()
                                                .limit(20)
                                                .map(r -> r.slug() + " " + r.language())
                                                .toList();
                                assertThat(listed)
                                        .as("%s %s %s", organizations, filter, reader)
                                        .isEqualTo(expected);
                                if (organizations != null && !organizations.isEmpty()) {
                                    assertThat(repository.countPublic(organizations, filter, 1000))
                                            .as("count of %s %s", organizations, filter)
                                            .isEqualTo(generic(organizations, filter, reader, 1000)
                                                    .size());
                                    // counted up to one more than the cap: the issued ones alone may reach it
                                    assertThat(repository.countPublic(organizations, filter, 1))
                                            .as("count of %s %s up to 2", organizations, filter)
                                            .isEqualTo(Math.min(
                                                    2,
                                                    generic(organizations, filter, reader, 1000)
                                                            .size()));
                                }
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(160);
        assertThat(generic(List.of(coalition.id()), StatementFilter.all(), "fr"))
                .as("the data covers what the filters tell apart")
                .contains(first.slug() + " fr", month.slug() + " en", french.slug() + " fr")
                .doesNotContain(gone.slug() + " en");
    }

    private Statement publish(
            Actor owner, Organization org, String language, String issuedOn, String topic, List<String> cosigners) {
        var draft = writing.draft(
                owner,
                org.id(),
                new StatementDraft(
                        language,
                        Fixtures.unique("Combination"),
                        "",
                        "Words.",
                        issuedOn,
                        null,
                        topic,
                        false,
                        cosigners,
                        List.of()));
        return reviewing.approve(owner, draft.id(), null);
    }

    private List<String> generic(List<OrganizationId> organizations, StatementFilter filter, String reader) {
        return generic(organizations, filter, reader, 20);
    }

    /** The list query as it was before decision 0025: one generic statement with "or :x is null" for each filter. */
    private List<String> generic(List<OrganizationId> organizations, StatementFilter filter, String reader, int limit) {
        return jdbc.sql("""
                        select s.slug, t.language
                        from statements s
                        join statement_texts t on t.statement_id = s.id and t.language = coalesce(
                            (select x.language from statement_texts x where x.statement_id = s.id
                              and x.language = :reader and x.status = 'PUBLISHED'), s.original_language)
                        where s.status = 'PUBLISHED'
                          and (cast(:orgs as uuid[]) is null or s.issuer_id = any(:orgs) or exists (
                                select 1 from statement_cosigners c where c.statement_id = s.id
                                  and c.organization_id = any(:orgs)))
                          and (cast(:orgs as uuid[]) is not null or s.source_statement_id is null or not exists (
                                select 1 from statements o where o.id = s.source_statement_id
                                  and o.status = 'PUBLISHED'))
                          and (cast(:topic as text) is null or :topic = any (s.topics))
                          and (cast(:language as text) is null or exists (
                                select 1 from statement_texts l where l.statement_id = s.id and l.language = :language
                                  and l.status = 'PUBLISHED'))
                          and (cast(:from as date) is null or s.issued_on >= case s.issued_precision
                                when 'MONTH' then cast(date_trunc('month', cast(:from as date)) as date)
                                else cast(:from as date) end)
                          and (cast(:to as date) is null or s.issued_on <= cast(:to as date))
                        order by s.issued_on desc, s.published_at desc, s.id desc
                        limit :limit
                        """)
                .param("reader", reader)
                .param(
                        "orgs",
                        organizations == null
                                ? null
                                : organizations.stream()
                                        .map(OrganizationId::value)
                                        .toArray(UUID[]::new))
                .param("topic", filter.topic())
                .param("language", filter.language())
                .param("from", filter.from() == null ? null : Date.valueOf(filter.from()))
                .param("to", filter.to() == null ? null : Date.valueOf(filter.to()))
                .param("limit", limit)
                .query((rs, i) -> rs.getString("slug") + " " + rs.getString("language"))
                .list();
    }
}
