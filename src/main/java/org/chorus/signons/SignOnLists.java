package org.chorus.signons;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.chorus.statements.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lists of a statement's sign-ons, read page by page after a cursor: the public one (approved sign-ons only, public
 * fields only: never the sealed personal data, never a person who did not consent to be named) and the organizers' one
 * (every sign-on, sealed data included, which only {@link ModeratingSignOns} reads), with the organizers' decisions.
 */
@Repository
class SignOnLists {

    private static final String LISTED_ORGANIZATIONS = """
            from signons s
            where s.statement_id = :statement and s.status = 'APPROVED' and s.kind = 'ORGANIZATION'""";

    private static final String NAMED_PEOPLE = """
            from signons s
            where s.statement_id = :statement and s.status = 'APPROVED' and s.kind = 'PERSON' and s.show_name
                and s.name is not null""";

    private final JdbcClient jdbc;

    SignOnLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A listed organization and its place in the list. */
    record OrganizationRow(ListedOrganization organization, SignOnCursor cursor) {}

    /** A person listed by name and their place in the list. */
    record PersonRow(ListedPerson person, SignOnCursor cursor) {}

    /** Whether the statement's opening shows the names of people who consented; empty when it was never opened. */
    java.util.Optional<Boolean> namesShown(StatementId statement) {
        return jdbc.sql("select show_people_names from signon_openings where statement_id = :statement")
                .param("statement", statement.value())
                .query(Boolean.class)
                .optional();
    }

    /**
     * Up to {@code limit} listed organizations after {@code after} (from the start when null), grouped by country in
     * the order of {@code countries} (their names sorted in the reader's language), then by name.
     */
    List<OrganizationRow> organizations(StatementId statement, List<String> countries, SignOnCursor after, int limit) {
        // a country the list of names does not know goes last
        var place = "coalesce(array_position(cast(:countries as text[]), s.country::text), 1000)";
        var sql = "select s.id, s.name, lower(s.name) as sort_name, s.country, s.website, s.description "
                + LISTED_ORGANIZATIONS
                + (after == null
                        ? ""
                        : " and (" + place + ", lower(s.name), s.id) > (coalesce(array_position(cast(:countries as"
                                + " text[]), cast(:afterCountry as text)), 1000), cast(:afterName as text),"
                                + " cast(:afterId as uuid))")
                + " order by " + place + ", lower(s.name), s.id limit :limit";
        var query = jdbc.sql(sql)
                .param("statement", statement.value())
                .param("countries", countries.toArray(String[]::new))
                .param("limit", limit);
        if (after != null) {
            query = query.param("afterCountry", after.country())
                    .param("afterName", after.name())
                    .param("afterId", after.id());
        }
        return query.query((rs, n) -> new OrganizationRow(
                        new ListedOrganization(
                                rs.getString("name"),
                                rs.getString("country"),
                                rs.getString("website"),
                                rs.getString("description")),
                        SignOnCursor.organization(
                                rs.getString("country"), rs.getString("sort_name"), rs.getObject("id", UUID.class))))
                .list();
    }

    /** Up to {@code limit} people listed by name after {@code after} (from the start when null), newest first. */
    List<PersonRow> people(StatementId statement, SignOnCursor after, int limit) {
        var sql = "select s.id, s.name, s.affiliation, s.title, s.country, s.created_at "
                + NAMED_PEOPLE
                + (after == null ? "" : " and (s.created_at, s.id) < (:afterAt, :afterId)")
                + " order by s.created_at desc, s.id desc limit :limit";
        var query = jdbc.sql(sql).param("statement", statement.value()).param("limit", limit);
        if (after != null) {
            query = query.param("afterAt", Timestamp.from(after.signedAt())).param("afterId", after.id());
        }
        return query.query((rs, n) -> new PersonRow(
                        person(rs),
                        SignOnCursor.person(rs.getTimestamp("created_at").toInstant(), rs.getObject("id", UUID.class))))
                .list();
    }

    /** Every listed organization, by country code and name, handed over one at a time (downloads). */
    void eachOrganization(StatementId statement, Consumer<ListedOrganization> each) {
        jdbc.sql("select s.name, s.country, s.website, s.description " + LISTED_ORGANIZATIONS
                        + " order by s.country, lower(s.name), s.id")
                .param("statement", statement.value())
                .query(rs -> {
                    each.accept(new ListedOrganization(
                            rs.getString("name"),
                            rs.getString("country"),
                            rs.getString("website"),
                            rs.getString("description")));
                });
    }

    /** Every person listed by name, newest first, handed over one at a time (downloads). */
    void eachPerson(StatementId statement, Consumer<ListedPerson> each) {
        jdbc.sql("select s.id, s.name, s.affiliation, s.title, s.country, s.created_at " + NAMED_PEOPLE
                        + " order by s.created_at desc, s.id desc")
                .param("statement", statement.value())
                .query(rs -> {
                    each.accept(person(rs));
                });
    }

    /**
     * A sign-on with its sealed personal data, as its organizers read it, and its place in their list; {@code
     * duplicateOf} is the earliest other organization's sign-on with the same organization key, if any.
     */
    record SignerRow(SignOn signOn, byte[] personal, SignOnId duplicateOf, SignOnCursor cursor) {}

    /**
     * Up to {@code limit} sign-ons of the statement of any kind (or of {@code kind}) in any state (or in {@code
     * status}), newest first, after {@code after}; each with the earliest other organization's sign-on that has the
     * same organization key.
     */
    List<SignerRow> signers(
            StatementId statement, SignOnKind kind, SignOnStatus status, SignOnCursor after, int limit) {
        var sql = SIGNERS
                + (kind == null ? "" : " and s.kind = :kind")
                + (status == null ? "" : " and s.status = :status")
                + (after == null ? "" : " and (s.created_at, s.id) < (:afterAt, :afterId)")
                + " order by s.created_at desc, s.id desc limit :limit";
        var query = jdbc.sql(sql).param("statement", statement.value()).param("limit", limit);
        if (kind != null) {
            query = query.param("kind", kind.name());
        }
        if (status != null) {
            query = query.param("status", status.name());
        }
        if (after != null) {
            query = query.param("afterAt", Timestamp.from(after.signedAt())).param("afterId", after.id());
        }
        return query.query(SignOnLists::signer).list();
    }

    /** The sign-ons of the statement among {@code ids}, oldest first, as {@link #signers} reads them. */
    List<SignerRow> signers(StatementId statement, List<SignOnId> ids) {
        return jdbc.sql(SIGNERS + " and s.id in (:ids) order by s.created_at, s.id")
                .param("statement", statement.value())
                .param("ids", ids.stream().map(SignOnId::value).toList())
                .query(SignOnLists::signer)
                .list();
    }

    private static final String SIGNERS = "select " + SignOns.COLUMNS + ", s.personal,"
            + " (select d.id from signons d where s.organization_key is not null"
            + " and d.statement_id = s.statement_id and d.organization_key = s.organization_key"
            + " and d.id <> s.id order by d.created_at, d.id limit 1) as duplicate"
            + " from signons s where s.statement_id = :statement";

    private static SignerRow signer(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var signOn = SignOns.map(rs);
        var duplicate = rs.getObject("duplicate", UUID.class);
        return new SignerRow(
                signOn,
                rs.getBytes("personal"),
                duplicate == null ? null : new SignOnId(duplicate),
                SignOnCursor.person(signOn.createdAt(), signOn.id().value()));
    }

    /** Sets the status of a sign-on of this statement that is in one of {@code from}; false if there is none. */
    boolean decide(StatementId statement, SignOnId signOn, List<SignOnStatus> from, SignOnStatus to) {
        return jdbc.sql("with changed as (update signons set status = :to where id = :id"
                                + " and statement_id = :statement and status in (:from) returning statement_id)"
                                + SignOns.MARKING_CLOSED_OPENINGS)
                        .param("to", to.name())
                        .param("id", signOn.value())
                        .param("statement", statement.value())
                        .param("from", from.stream().map(Enum::name).toList())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Deletes a sign-on of this statement with everything it holds; false if there is none. */
    boolean remove(StatementId statement, SignOnId signOn) {
        return jdbc.sql("with changed as (delete from signons where id = :id and statement_id = :statement"
                                + " returning statement_id)" + SignOns.MARKING_CLOSED_OPENINGS)
                        .param("id", signOn.value())
                        .param("statement", statement.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The sign-ons of this statement among {@code ids}, with their sealed data, locked until the transaction ends. */
    List<SignOns.Stored> lockedSigners(StatementId statement, List<SignOnId> ids) {
        return jdbc.sql("select " + SignOns.COLUMNS + ", s.personal from signons s"
                        + " where s.statement_id = :statement and s.id in (:ids) order by s.id for update")
                .param("statement", statement.value())
                .param("ids", ids.stream().map(SignOnId::value).toList())
                .query((rs, n) -> new SignOns.Stored(SignOns.map(rs), rs.getBytes("personal")))
                .list();
    }

    /** Changes the name the public list shows (organizations; named people), and the organization key with it. */
    void rename(SignOnId signOn, String publicName, String organizationKey, byte[] personal) {
        jdbc.sql("update signons set name = :name, organization_key = :key, personal = :personal where id = :id")
                .param("id", signOn.value())
                .param("name", publicName)
                .param("key", organizationKey)
                .param("personal", personal)
                .update();
    }

    private static ListedPerson person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ListedPerson(
                rs.getString("name"),
                rs.getString("affiliation"),
                rs.getString("title"),
                rs.getString("country"),
                new SignOnId(rs.getObject("id", UUID.class)),
                rs.getTimestamp("created_at").toInstant());
    }

    /** A listed sign-on of a person named on its statement's list (whatever the organizers show), and its statement. */
    Optional<NamedPerson> namedPerson(SignOnId id) {
        return jdbc.sql("select s.statement_id, s.id, s.name, s.affiliation, s.title, s.country, s.created_at"
                        + " from signons s where s.id = :id and s.status = 'APPROVED' and s.kind = 'PERSON'"
                        + " and s.show_name and s.name is not null")
                .param("id", id.value())
                .query((rs, n) ->
                        new NamedPerson(new StatementId(rs.getObject("statement_id", UUID.class)), person(rs)))
                .optional();
    }

    record NamedPerson(StatementId statement, ListedPerson person) {}
}
