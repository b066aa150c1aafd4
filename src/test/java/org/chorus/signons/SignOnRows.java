package org.chorus.signons;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.shared.SecretToken;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.statements.StatementId;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statements opened for sign-on and sign-ons in every state, stored through the module's repository as signing stores
 * them (sealed personal data, blind index), for the tests of counts and lists.
 */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class SignOnRows {

    private final SignOns signOns;
    private final PersonalData personalData;
    private final StatementFixtures statements;
    private final Fixtures fixtures;
    private final TestClock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final CountingSignOns counting;
    private final TransactionTemplate transactions;

    SignOnRows(
            SignOns signOns,
            PersonalData personalData,
            StatementFixtures statements,
            Fixtures fixtures,
            TestClock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            CountingSignOns counting,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.counting = counting;
        this.transactions = transactions;
        this.signOns = signOns;
        this.personalData = personalData;
        this.statements = statements;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    /**
     * Runs {@code signing} and then the count job's recount in one transaction that holds the count lock, as the job
     * would: the jobs of this run's other application contexts (which share the database) can neither count these
     * sign-ons first nor in between, so the recount here sees them change and its event reaches this context's page
     * cache. Returns the statements whose totals changed.
     */
    public List<StatementId> counted(Runnable signing) {
        return transactions.execute(status -> {
            // waits for a run under way elsewhere; the recount below takes the same lock again (it is reentrant)
            jdbc.sql("select pg_advisory_xact_lock(hashtext('signons.count'))")
                    .query()
                    .listOfRows();
            signing.run();
            return counting.recount();
        });
    }

    /** The default choices, with these questions for signers (as organizers write them, one per line). */
    public static SignOnOpening.Choices asking(String questions) {
        var d = SignOnOpening.Choices.defaults();
        return new SignOnOpening.Choices(
                d.whoMaySign(),
                null,
                true,
                true,
                false,
                "",
                365,
                List.of(),
                List.of(),
                SignOnQuestion.parse(questions));
    }

    /** A statement published by a new coalition and opened for sign-on with the default choices. */
    public Statement opened(String title) {
        return opened(fixtures.coalition(), title, SignOnOpening.Choices.defaults());
    }

    /** A statement published by {@code issuer} and opened for sign-on with these choices. */
    public Statement opened(Organization issuer, String title, SignOnOpening.Choices choices) {
        var owner = statements.ownerOf(issuer);
        var statement = statements.published(owner, issuer, "en", title, "We, the undersigned, ask.");
        open(statement.id(), owner, issuer, choices);
        return statement;
    }

    /** Opens (or re-opens with new choices) an existing statement. */
    public void open(StatementId statement, Actor by, Organization issuer, SignOnOpening.Choices choices) {
        signOns.save(SignOnOpening.open(statement, issuer.id(), by.account(), choices, clock.instant()));
    }

    /** A listed (approved) organization. */
    public SignOnId organization(StatementId statement, String name, String country, String website, String about) {
        return store(
                statement,
                SignOnKind.ORGANIZATION,
                SignOnStatus.APPROVED,
                name,
                null,
                null,
                country,
                website,
                about,
                true,
                List.of());
    }

    /** An organization's sign-on in another state (pending, waiting for approval, rejected). */
    public SignOnId organization(StatementId statement, String name, String country, SignOnStatus status) {
        return store(
                statement, SignOnKind.ORGANIZATION, status, name, null, null, country, null, null, true, List.of());
    }

    /** A listed (approved) person, named in public only if {@code showName}. */
    public SignOnId person(
            StatementId statement, String name, String affiliation, String title, String country, boolean showName) {
        return store(
                statement,
                SignOnKind.PERSON,
                SignOnStatus.APPROVED,
                name,
                affiliation,
                title,
                country,
                null,
                null,
                showName,
                List.of());
    }

    /** A listed person, named, who answered the opening's questions (in their order). */
    public SignOnId answered(StatementId statement, String name, String country, List<String> answers) {
        return store(
                statement,
                SignOnKind.PERSON,
                SignOnStatus.APPROVED,
                name,
                null,
                null,
                country,
                null,
                null,
                true,
                answers);
    }

    /** A person's sign-on in another state. */
    public SignOnId person(StatementId statement, String name, String country, SignOnStatus status) {
        return store(statement, SignOnKind.PERSON, status, name, null, null, country, null, null, true, List.of());
    }

    /** A person's unconfirmed sign-on with this address, sent from the network whose hash is {@code network}. */
    public SignOnId pending(StatementId statement, String email, String network, java.time.Instant at) {
        return store(
                statement,
                SignOnKind.PERSON,
                SignOnStatus.PENDING,
                "Someone",
                null,
                null,
                "FR",
                null,
                null,
                false,
                List.of(),
                email,
                network,
                at);
    }

    /** A withdrawal: the sign-on goes with everything it held. */
    public void withdraw(SignOnId signOn) {
        signOns.delete(signOn);
    }

    private SignOnId store(
            StatementId statement,
            SignOnKind kind,
            SignOnStatus status,
            String name,
            String affiliation,
            String title,
            String country,
            String website,
            String about,
            boolean showName,
            List<String> answers) {
        return store(
                statement,
                kind,
                status,
                name,
                affiliation,
                title,
                country,
                website,
                about,
                showName,
                answers,
                null,
                "network",
                null);
    }

    private SignOnId store(
            StatementId statement,
            SignOnKind kind,
            SignOnStatus status,
            String name,
            String affiliation,
            String title,
            String country,
            String website,
            String about,
            boolean showName,
            List<String> answers,
            String address,
            String network,
            java.time.Instant at) {
        // a millisecond apart, so "newest first" is the order they were stored in
        clock.advance(java.time.Duration.ofMillis(1));
        var now = (at == null ? clock.instant() : at).truncatedTo(ChronoUnit.MICROS);
        boolean person = kind == SignOnKind.PERSON;
        boolean named = !person || showName;
        var signOn = new SignOn(
                SignOnId.random(),
                statement,
                kind,
                status,
                country,
                named ? name : null,
                person && showName ? affiliation : null,
                person && showName ? title : null,
                person ? null : website,
                person ? null : about,
                showName,
                person ? null : Signer.organizationKey(name, country, website),
                null,
                null,
                "en",
                now,
                status == SignOnStatus.PENDING ? null : now,
                status == SignOnStatus.PENDING ? now.plus(SignOn.CONFIRMATION_VALIDITY) : null);
        var email = address != null ? address : Fixtures.uniqueEmail(person ? "signer" : "contact");
        signOns.insert(
                signOn,
                personalData.seal(new Signer(email, name, affiliation, title, answers).toJson(), Signer.COLUMN),
                personalData.index(Signer.canonicalEmail(email), Signer.EMAIL_INDEX),
                network,
                SecretToken.generate().hash(),
                SecretToken.generate().hash());
        return signOn.id();
    }
}
