package org.chorus.follows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.follows.FollowMail.header;
import static org.chorus.follows.FollowMail.subject;
import static org.chorus.support.Eventually.eventually;

import java.time.Duration;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.signons.SignOnConfirmed;
import org.chorus.signons.SignOnFixtures;
import org.chorus.signons.SigningOn;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusModuleTest;
import org.chorus.support.Fixtures;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.PublishedEvents;

/**
 * "Keep me informed by …" on a sign-on becomes a follow of each organization ticked, once the sign-on is confirmed:
 * the follows module listens to {@code SignOnConfirmed} and asks {@code signons} for the address.
 */
@ChorusModuleTest
class SignersFollowingTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    SignOnFixtures signOns;

    @Autowired
    SigningOn signing;

    @Autowired
    KeepingSignersInformed keeping;

    @Autowired
    FollowFixtures follows;

    @Autowired
    Following following;

    @Autowired
    EventPublicationRegistry publications;

    @Autowired
    PersonalData personalData;

    @Autowired
    JdbcClient jdbc;

    Organization issuer;
    Organization coIssuer;
    Actor owner;
    Statement statement;

    @BeforeEach
    void a_statement_of_two_organizations_open_for_sign_on() {
        issuer = fixtures.coalition();
        owner = statements.ownerOf(issuer);
        coIssuer = fixtures.coalition();
        statement = signOns.openedWithCoIssuer(owner, issuer, coIssuer);
    }

    @Test
    void a_signer_follows_the_organizations_they_ticked_once_they_confirm_without_a_second_letter(
            PublishedEvents events) {
        var email = Fixtures.uniqueEmail("informed");
        signOns.sign(
                statement,
                SignOnFixtures.person(
                        "Ana Lima", email, false, List.of(coIssuer.id().toString())));
        assertThat(followStatus(email, coIssuer))
                .as("nothing before the confirmation")
                .isNull();

        confirm(email);
        awaitFollows(statement);
        assertThat(followStatus(email, coIssuer)).isEqualTo("ACTIVE");
        assertThat(followStatus(email, issuer))
                .as("consent is per organization")
                .isNull();
        assertThat(TestMail.to(email))
                .as("only the sign-on's letter: no follow to confirm")
                .hasSize(1);
        assertThat(events.ofType(SignOnConfirmed.class)
                        .matching(e -> e.statement().equals(statement.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.keepInformedBy()).containsExactly(coIssuer.id()));

        statements.published(statements.ownerOf(coIssuer), coIssuer, "en", "News for signers", "We ask.");
        var notice = TestMail.await(email, 2).get(1);
        assertThat(subject(notice)).isEqualTo(coIssuer.name() + ": News for signers");
        assertThat(header(notice, "List-Unsubscribe"))
                .matches("<http://localhost/follows/[0-9a-f-]{36}/[A-Za-z0-9_-]+/unsubscribe>");
    }

    @Test
    void a_signer_who_ticked_nothing_follows_nothing() {
        var email = Fixtures.uniqueEmail("uninformed");
        signOns.sign(statement, SignOnFixtures.person("Ana Lima", email, false, List.of()));
        confirm(email);
        awaitFollows(statement);
        assertThat(followersWith(email)).isZero();
    }

    @Test
    void an_address_that_follows_already_keeps_its_one_follow_and_a_repeated_event_changes_nothing() {
        var email = Fixtures.uniqueEmail("follower");
        follows.follow(email, "organization", issuer.slug(), "fr", "WEEKLY", false);
        signOns.sign(
                statement,
                SignOnFixtures.person(
                        "Ana Lima",
                        email,
                        false,
                        List.of(issuer.id().toString(), coIssuer.id().toString())));
        confirm(email, 2);
        awaitFollows(statement);

        assertThat(followersWith(email)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from follows f join followers p on p.id = f.follower_id
                        where p.email_index = :index""")
                        .param("index", personalData.emailIndex(email))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(frequency(email, issuer))
                .as("the earlier follow keeps its settings")
                .isEqualTo("WEEKLY");
        assertThat(followStatus(email, coIssuer)).isEqualTo("ACTIVE");
        assertThat(keeping.follow(confirmedEvent())).as("delivered again").isZero();
    }

    @Test
    void withdrawing_the_sign_on_does_not_unfollow_and_unsubscribing_after_the_consent_is_kept() {
        var email = Fixtures.uniqueEmail("withdrawing");
        signOns.sign(
                statement,
                SignOnFixtures.person(
                        "Ana Lima", email, false, List.of(issuer.id().toString())));
        var event = confirm(email);
        awaitFollows(statement);
        var withdraw = SignOnFixtures.token(SignOnFixtures.link(email, 0, "/signons/withdraw/"));
        assertThat(signing.withdraw(withdraw))
                .hasValueSatisfying(w -> assertThat(w.stillInformedBy()).containsExactly(issuer.name()));
        assertThat(followStatus(email, issuer)).isEqualTo("ACTIVE");

        var follow = jdbc.sql("select f.id from follows f join followers p on p.id = f.follower_id"
                        + " where p.email_index = :index and f.organization_id = :org")
                .param("index", personalData.emailIndex(email))
                .param("org", issuer.id().value())
                .query(java.util.UUID.class)
                .single();
        jdbc.sql("update follows set status = 'UNSUBSCRIBED', unsubscribed_at = :at where id = :id")
                .param("id", follow)
                .param("at", java.sql.Timestamp.from(event.at().plus(Duration.ofMinutes(1))))
                .update();
        assertThat(following.followConsented(email, issuer.id(), Language.ENGLISH, event.at()))
                .as("the consent is older than the unsubscription")
                .isFalse();
        assertThat(followStatus(email, issuer)).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void an_owner_signing_for_their_organization_in_one_click_follows_what_they_ticked() {
        var member = fixtures.coalition();
        var memberOwner = fixtures.person("member-owner");
        fixtures.grant(member, memberOwner, Role.OWNER);
        signing.signForOrganization(
                Actor.of(memberOwner),
                statement.slug(),
                member.slug(),
                List.of(issuer.id().toString(), "not an id", member.id().toString()),
                Language.ARABIC);
        awaitFollows(statement);
        assertThat(followStatus(memberOwner.email(), issuer)).isEqualTo("ACTIVE");
        assertThat(followStatus(memberOwner.email(), member))
                .as("only the statement's issuers are offered")
                .isNull();
        assertThat(jdbc.sql("""
                        select f.language from follows f join followers p on p.id = f.follower_id
                        where p.email_index = :index""")
                        .param("index", personalData.emailIndex(memberOwner.email()))
                        .query(String.class)
                        .single())
                .isEqualTo("ar");
    }

    private SignOnConfirmed confirm(String email) {
        return confirm(email, 1);
    }

    /** Confirms through the link of the sign-on's letter, once the address got {@code letters} letters. */
    private SignOnConfirmed confirm(String email, int letters) {
        var got = TestMail.await(email, letters);
        System.err.println("DEBUG got " + got.size() + " "
                + got.stream().map(FollowMail::subject).toList());
        var letter = got.stream()
                .filter(m -> org.chorus.support.ReceivedMail.text(m).contains("/signons/confirm/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sign-on letter among: "
                        + TestMail.to(email).stream().map(FollowMail::text).toList()));
        var token = SignOnFixtures.token(org.chorus.support.ReceivedMail.linkPath(letter, "/signons/confirm/"));
        assertThat(signing.confirm(token).outcome()).isEqualTo(SigningOn.Outcome.CONFIRMED);
        return confirmedEvent();
    }

    /** The event as published for the statement's one person: ids only, read back from the sign-on. */
    private SignOnConfirmed confirmedEvent() {
        return jdbc.sql("""
                        select s.id, s.confirmed_at from signons s
                        where s.statement_id = :s and s.kind = 'PERSON'""")
                .param("s", statement.id().value())
                .query((rs, n) -> new SignOnConfirmed(
                        new org.chorus.signons.SignOnId(rs.getObject(1, java.util.UUID.class)),
                        statement.id(),
                        org.chorus.signons.SignOnKind.PERSON,
                        org.chorus.signons.SignOnStatus.APPROVED,
                        consents(rs.getObject(1, java.util.UUID.class)),
                        rs.getTimestamp(2).toInstant()))
                .single();
    }

    private List<org.chorus.organizations.OrganizationId> consents(java.util.UUID signOn) {
        return jdbc.sql("select organization_id from signon_consents where signon_id = :id")
                .param("id", signOn)
                .query((rs, n) -> new org.chorus.organizations.OrganizationId(rs.getObject(1, java.util.UUID.class)))
                .list();
    }

    /** Waits until the follows module has handled every confirmation of the statement's sign-ons. */
    private void awaitFollows(Statement statement) {
        eventually("signers' follows made")
                .until(() -> publications.findIncompletePublications().stream()
                        .noneMatch(p -> p.getEvent() instanceof SignOnConfirmed e
                                && e.statement().equals(statement.id())));
    }

    private String followStatus(String email, Organization organization) {
        return follow(email, organization, "status");
    }

    private String frequency(String email, Organization organization) {
        return follow(email, organization, "frequency");
    }

    /** A column of the address's follow of the organization, or null when it does not follow it. */
    private String follow(String email, Organization organization, String column) {
        return jdbc.sql("select f." + column + " from follows f join followers p on p.id = f.follower_id"
                        + " where p.email_index = :index and f.organization_id = :org")
                .param("index", personalData.emailIndex(email))
                .param("org", organization.id().value())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private int followersWith(String email) {
        return jdbc.sql("select count(*) from followers where email_index = :index")
                .param("index", personalData.emailIndex(email))
                .query(Integer.class)
                .single();
    }
}
