package org.chorus.signons;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.Fixtures;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestClock;
import org.chorus.support.TestMail;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;

/** Statements open for sign-on, and sign-ons sent as a person would: the form shown, then filled in unhurried. */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class SignOnFixtures {

    private final StatementFixtures statements;
    private final org.chorus.statements.CoIssuing coIssuing;
    private final OpeningSignOns opening;
    private final SigningOn signing;
    private final SignOnStamps stamps;
    private final TestClock clock;

    SignOnFixtures(
            StatementFixtures statements,
            org.chorus.statements.CoIssuing coIssuing,
            OpeningSignOns opening,
            SigningOn signing,
            SignOnStamps stamps,
            TestClock clock) {
        this.statements = statements;
        this.coIssuing = coIssuing;
        this.opening = opening;
        this.signing = signing;
        this.stamps = stamps;
        this.clock = clock;
    }

    /** A published statement of the organization, opened for sign-on with these choices. */
    public Statement opened(Actor owner, Organization issuer, SignOnOpening.Choices choices) {
        var statement = statements.published(
                owner, issuer, "en", Fixtures.unique("Sign this"), "We, the undersigned, ask for this.");
        opening.open(owner, statement.slug(), choices, Language.ENGLISH);
        return statement;
    }

    public Statement opened(Actor owner, Organization issuer) {
        return opened(owner, issuer, SignOnOpening.Choices.defaults());
    }

    /** A published statement of {@code issuer} that {@code coIssuer} agreed to co-issue, opened for sign-on. */
    public Statement openedWithCoIssuer(Actor owner, Organization issuer, Organization coIssuer) {
        var statement = opened(owner, issuer);
        var request = coIssuing.request(owner, statement.id(), coIssuer.slug());
        coIssuing.accept(statements.ownerOf(coIssuer), request.id(), "Gladly.");
        return statement;
    }

    /** A person's form, filled in. */
    public static SignOnForm person(String name, String email, boolean showName, List<String> keepInformedBy) {
        return new SignOnForm(
                SignOnKind.PERSON,
                name,
                email,
                "FR",
                "Union of Tests",
                "Secretary",
                "",
                "",
                "",
                showName,
                keepInformedBy);
    }

    /** An organization's form, filled in by its contact person. */
    public static SignOnForm organization(String name, String email, String country, String website) {
        return new SignOnForm(
                SignOnKind.ORGANIZATION,
                name,
                email,
                country,
                "",
                "",
                website,
                "We defend tests.",
                "Ana Contact",
                false,
                List.of());
    }

    /** Sends the form as a visitor of the statement's page would: the stamp from the page, a few seconds later. */
    public void sign(Statement statement, SignOnForm form) {
        sign(statement, form, "");
    }

    public void sign(Statement statement, SignOnForm form, String honeypot) {
        var stamp = stamps.issue(statement.id());
        clock.advance(Duration.ofSeconds(4));
        signing.sign(statement.slug(), form, new SigningOn.Signals(honeypot, stamp, "203.0.113.7"), Language.ENGLISH);
    }

    /** The path of a link (confirmation or withdrawal) in the letter number {@code index} sent to the address. */
    public static String link(String email, int index, String prefix) {
        MimeMessage letter = TestMail.await(email, index + 1).get(index);
        return ReceivedMail.linkPath(letter, prefix);
    }

    /** The token of a link path like {@code /signons/confirm/<token>?lang=en}. */
    public static String token(String path) {
        var token = path.substring(path.lastIndexOf('/') + 1);
        int query = token.indexOf('?');
        return query < 0 ? token : token.substring(0, query);
    }
}
