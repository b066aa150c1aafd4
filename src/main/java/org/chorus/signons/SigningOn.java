package org.chorus.signons;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountDirectory;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementHeading;
import org.chorus.statements.StatementId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing a statement open for sign-on. By email (a person, or an organization through its contact person): the
 * sign-on is stored as pending and a letter asks to confirm it by a link (double opt-in) and carries the link to
 * withdraw it. A second sign-on of the same person answers exactly like a first, so the form never tells whether an
 * address signed; the letter says "you had already signed" instead. An owner of a Chorus organization signs for it in
 * one click. The one emitter of {@link SignOnConfirmed} and {@link SignOnWithdrawn}.
 *
 * <p>Every answer that says a sign-on was taken is given after its transaction committed: the controller renders it
 * once this class returns.
 */
@Service
public class SigningOn {

    private final SignOns signOns;
    private final SignOnTargets targets;
    private final OpenedStatements opened;
    private final ReadingStatements statements;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;
    private final AccountDirectory accounts;
    private final SignOnStamps stamps;
    private final SignOnRateLimits limits;
    private final PersonalData personalData;
    private final Mail mail;
    private final MessageSource messageSource;
    private final ChorusProperties properties;
    private final SiteName site;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SigningOn(
            SignOns signOns,
            SignOnTargets targets,
            OpenedStatements opened,
            ReadingStatements statements,
            CoalitionDirectory organizations,
            OrganizationPermissions permissions,
            AccountDirectory accounts,
            SignOnStamps stamps,
            SignOnRateLimits limits,
            PersonalData personalData,
            Mail mail,
            MessageSource messageSource,
            ChorusProperties properties,
            SiteName site,
            ApplicationEventPublisher events,
            Clock clock) {
        this.signOns = signOns;
        this.targets = targets;
        this.opened = opened;
        this.statements = statements;
        this.organizations = organizations;
        this.permissions = permissions;
        this.accounts = accounts;
        this.stamps = stamps;
        this.limits = limits;
        this.personalData = personalData;
        this.mail = mail;
        this.messageSource = messageSource;
        this.properties = properties;
        this.site = site;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the sign-on form of a statement shows: the opening (whether it takes signatures now, from whom) and the
     * organizations a signer may choose to hear from (the issuer, then each co-issuer). Empty when the statement was
     * never opened for sign-on.
     */
    public record FormContext(SignOnOpening opening, List<Organization> keepInformedBy, boolean acceptingNow) {}

    /** The form's context for a statement, in at most three queries; none when it was never opened. */
    public Optional<FormContext> formContext(StatementId statement) {
        if (!opened.opened(statement)) {
            return Optional.empty();
        }
        return signOns.opening(statement)
                .map(opening -> new FormContext(opening, offered(opening), opening.acceptingAt(clock.instant())));
    }

    /** The statement a sign-on form is for, as its page heads it (404 unless it is public). */
    public StatementHeading statement(String slug, Language language) {
        var heading = statements.heading(null, slug, language.tag());
        if (!heading.statement().isPublic()) {
            throw new NotFoundException("statement.not-found");
        }
        return heading;
    }

    /**
     * What the form tells about its sender, checked before anything is stored.
     *
     * @param honeypot the hidden field people leave empty; robots fill it
     * @param stamp the signed stamp of the form ({@link SignOnStamps})
     * @param address the sender's network address; only an HMAC of its prefix is kept
     */
    public record Signals(String honeypot, String stamp, String address) {}

    /**
     * Takes a sign-on from the form and mails the letter that confirms it (or says it was there already). A filled
     * honeypot is answered the same way, with nothing stored or sent. Returns the statement signed.
     */
    @Transactional
    public StatementHeading sign(String slug, SignOnForm form, Signals signals, Language language) {
        if (form.kind() == null) {
            throw new InvalidField("form", "signons.kind-unknown");
        }
        var target = target(slug, language);
        var heading = target.heading();
        var statement = heading.statement().id();
        var opening = target.opening().orElseThrow(() -> DomainException.conflict("signons.not-open"));
        var now = clock.instant();
        opening.requireAccepting(form.kind(), now);
        if (signals.honeypot() != null && !signals.honeypot().isEmpty()) {
            return heading;
        }
        stamps.check(statement, signals.stamp());
        var checked = form.checked(opening.choices().questions());
        if (opening.choices().blocks(checked.email())) {
            return heading; // answered as if accepted, never stored: the sender learns nothing
        }
        var network = NetworkPrefix.hash(signals.address());
        limits.take(network, statement);
        var person = checked.kind() == SignOnKind.PERSON;
        var emailIndex = personalData.index(Signer.canonicalEmail(checked.email()), Signer.EMAIL_INDEX);
        if (person) {
            limits.takeEmail(HexFormat.of().formatHex(emailIndex));
        }
        var signOn = SignOn.fromForm(statement, checked, opening, SignOnStatus.PENDING, language.tag(), now);
        var signer = Signer.of(checked);
        var confirm = SecretToken.generate();
        var withdraw = SecretToken.generate();
        if (signOns.insert(
                signOn,
                personalData.seal(signer.toJson(), Signer.COLUMN),
                emailIndex,
                network,
                confirm.hash(),
                withdraw.hash())) {
            var offered = target.offered();
            var consents = checked.consents(ids(offered));
            signOns.consent(signOn.id(), consents);
            mailConfirmation(heading, signOn, signer, confirm, withdraw, names(offered, consents), language);
            return heading;
        }
        requireStillAccepting(statement, form.kind());
        // the same person signed this statement before: the answer is the same, the letter is not
        var earlier = signOns.person(statement, emailIndex).map(SignOns.Stored::signOn);
        if (earlier.isEmpty()) {
            return heading; // withdrawn at this very moment
        }
        if (earlier.get().status() == SignOnStatus.PENDING
                && signOns.renewConfirmation(earlier.get().id(), confirm.hash(), signOn.expiresAt())) {
            var newsFrom =
                    names(target.offered(), signOns.consents(earlier.get().id()));
            mailConfirmation(heading, earlier.get(), signer, confirm, null, newsFrom, language);
        } else {
            mailAlreadySigned(heading, signer, language);
        }
        return heading;
    }

    /**
     * An owner signs for a Chorus organization in one click: no letter to confirm (the sign-in proves who they are),
     * listed at once or waiting for the organizers as the opening says; the owner is kept informed by the issuing
     * organizations they ticked ({@code keepInformedBy}, ids as the form sends them). Signing twice changes nothing.
     */
    @Transactional
    public SignOn signForOrganization(
            Actor actor, String slug, String organizationSlug, List<String> keepInformedBy, Language language) {
        var heading = statement(slug, language);
        var statement = heading.statement().id();
        var organization = organizations
                .bySlug(organizationSlug == null ? "" : organizationSlug.strip())
                .filter(Organization::active)
                .orElseThrow(() -> new NotFoundException("organization.not-found"));
        permissions.require(actor, organization.id(), SignOnPermission.SIGN_FOR_ORGANIZATION);
        var opening = signOns.opening(statement).orElseThrow(() -> DomainException.conflict("signons.not-open"));
        var now = clock.instant();
        opening.requireAccepting(SignOnKind.ORGANIZATION, now);
        if (organization.country() == null) {
            throw new InvalidField("organization", "signons.organization.country-missing");
        }
        var existing = signOns.ofOrganization(statement, organization.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        var pending = new SignOn(
                SignOnId.random(),
                statement,
                SignOnKind.ORGANIZATION,
                SignOnStatus.PENDING,
                organization.country(),
                organization.name(),
                null,
                null,
                organization.website(),
                organization.description(),
                false,
                Signer.organizationKey(organization.name(), organization.country(), organization.website()),
                organization.id(),
                actor.account(),
                language.tag(),
                now,
                null,
                now);
        var signOn = pending.confirm(opening, now);
        var account = accounts.find(actor.account()).orElseThrow();
        var signer = new Signer(account.email(), account.displayName(), null, null);
        if (!signOns.insert(signOn, personalData.seal(signer.toJson(), Signer.COLUMN), null, "account", null, null)) {
            requireStillAccepting(statement, SignOnKind.ORGANIZATION);
            // the other owner's click at the same moment won
            return signOns.ofOrganization(statement, organization.id()).orElseThrow();
        }
        var consents = SignOnForm.consents(keepInformedBy, ids(offered(opening)));
        signOns.consent(signOn.id(), consents);
        announce(signOn, consents);
        return signOn;
    }

    /**
     * For demo data, benchmarks and tests: these sign-ons of a statement open for sign-on, stored at once as confirmed
     * and listed, without letters or events (no one asked, no one is told). Returns how many were stored (a person
     * already there is skipped).
     */
    @Transactional
    public int seedListed(StatementId statement, List<SignOnForm> forms, Language language) {
        var opening = signOns.opening(statement).orElseThrow(() -> DomainException.conflict("signons.not-open"));
        var now = clock.instant();
        int stored = 0;
        for (var form : forms) {
            var checked = form.checked(opening.choices().questions());
            var signOn = SignOn.fromForm(statement, checked, opening, SignOnStatus.APPROVED, language.tag(), now);
            var signer = Signer.of(checked);
            if (signOns.insert(
                    signOn,
                    personalData.seal(signer.toJson(), Signer.COLUMN),
                    personalData.index(Signer.canonicalEmail(checked.email()), Signer.EMAIL_INDEX),
                    "seed",
                    null,
                    null)) {
                stored++;
            }
        }
        return stored;
    }

    /** What following a confirmation link did. */
    public enum Outcome {
        /** Listed and counted now. */
        CONFIRMED,
        /** Confirmed, waiting for the organizers' approval. */
        AWAITS_APPROVAL,
        /** The link was followed before. */
        ALREADY_CONFIRMED,
        /** The link is past its validity; the sign-on will be deleted. */
        EXPIRED,
        /** No sign-on has this link (mistyped, withdrawn, or deleted after it expired). */
        UNKNOWN
    }

    /**
     * The result of a confirmation link, with the statement (null when unknown), its thank-you text, and the names of
     * the organizations the signer asked to hear from.
     */
    public record Confirmation(Outcome outcome, String statementSlug, String thankYou, List<String> newsFrom) {

        public Confirmation {
            newsFrom = List.copyOf(newsFrom);
        }

        Confirmation(Outcome outcome, String statementSlug) {
            this(outcome, statementSlug, null, List.of());
        }
    }

    /** The signer pressed the button of the confirmation page: their sign-on is confirmed, once. */
    @Transactional
    public Confirmation confirm(String token) {
        var found = token(token).flatMap(signOns::byConfirmToken);
        if (found.isEmpty()) {
            return new Confirmation(Outcome.UNKNOWN, null);
        }
        var signOn = found.get().signOn();
        var slug = statements.slugOf(signOn.statement()).orElse(null);
        // read, not locked: confirmations of a statement must not queue on its one opening row
        var opening = signOns.opening(signOn.statement()).orElseThrow();
        var thanks = opening.choices().thankYou();
        var consents = signOns.consents(signOn.id());
        var newsFrom = names(consents);
        if (signOn.status() != SignOnStatus.PENDING) {
            return new Confirmation(Outcome.ALREADY_CONFIRMED, slug, thanks, newsFrom);
        }
        var now = clock.instant();
        if (!signOn.confirmableAt(now)) {
            return new Confirmation(Outcome.EXPIRED, slug);
        }
        var confirmed = signOn.confirm(opening, now);
        if (!signOns.confirm(confirmed)) {
            return new Confirmation(Outcome.ALREADY_CONFIRMED, slug, thanks, newsFrom);
        }
        announce(confirmed, consents);
        return new Confirmation(
                confirmed.listed() ? Outcome.CONFIRMED : Outcome.AWAITS_APPROVAL, slug, thanks, newsFrom);
    }

    /** Whether a withdrawal link names a sign-on, for its page (which asks before anything happens). */
    public Optional<String> withdrawable(String token) {
        return token(token)
                .flatMap(signOns::byWithdrawToken)
                .flatMap(s -> statements.slugOf(s.signOn().statement()));
    }

    /**
     * What a withdrawal did: the statement's address, and the organizations the signer had asked to hear from (they
     * still follow those: a follow is a consent of its own, ended by the link in any of its letters).
     */
    public record Withdrawal(String statementSlug, List<String> stillInformedBy) {

        public Withdrawal {
            stillInformedBy = List.copyOf(stillInformedBy);
        }
    }

    /**
     * The signer pressed the button of the withdrawal page: the sign-on goes, with all its personal data and
     * consents. Empty when the link names nothing (any more).
     */
    @Transactional
    public Optional<Withdrawal> withdraw(String token) {
        var found = token(token).flatMap(signOns::byWithdrawToken);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var signOn = found.get().signOn();
        var informedBy = names(signOns.consents(signOn.id()));
        if (!signOns.delete(signOn.id())) {
            return Optional.empty();
        }
        events.publishEvent(
                new SignOnWithdrawn(signOn.id(), signOn.statement(), signOn.kind(), signOn.listed(), clock.instant()));
        return statements.slugOf(signOn.statement()).map(slug -> new Withdrawal(slug, informedBy));
    }

    /**
     * What signing reads of a statement, kept a few seconds ({@link SignOnTargets}); 404 unless the statement is
     * public.
     */
    private SignOnTargets.Target target(String slug, Language language) {
        return targets.get(slug, language.tag(), () -> {
            var heading = statement(slug, language);
            var opening = signOns.opening(heading.statement().id());
            return new SignOnTargets.Target(
                    heading, opening, opening.map(this::offered).orElse(List.of()));
        });
    }

    /**
     * After an insert stored nothing: throws when the opening, read afresh, no longer takes this kind of sign-on (closed
     * meanwhile, here or on another node); otherwise the sign-on was there already.
     */
    private void requireStillAccepting(StatementId statement, SignOnKind kind) {
        signOns.opening(statement)
                .orElseThrow(() -> DomainException.conflict("signons.not-open"))
                .requireAccepting(kind, clock.instant());
    }

    private void announce(SignOn signOn, List<OrganizationId> consents) {
        events.publishEvent(new SignOnConfirmed(
                signOn.id(), signOn.statement(), signOn.kind(), signOn.status(), consents, signOn.confirmedAt()));
    }

    private List<Organization> offered(SignOnOpening opening) {
        var ids = new ArrayList<OrganizationId>();
        ids.add(opening.organization());
        statements.coIssuers(opening.statement()).stream()
                .filter(id -> !ids.contains(id))
                .forEach(ids::add);
        var found = organizations.find(ids);
        return ids.stream().map(found::get).filter(o -> o != null && o.active()).toList();
    }

    /** The names of these organizations, in this order (those found). */
    private List<String> names(List<OrganizationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = organizations.find(ids);
        return ids.stream()
                .map(found::get)
                .filter(java.util.Objects::nonNull)
                .map(Organization::name)
                .toList();
    }

    /** The names of those offered organizations that were chosen, in the order offered. */
    private static List<String> names(List<Organization> offered, List<OrganizationId> chosen) {
        return offered.stream()
                .filter(o -> chosen.contains(o.id()))
                .map(Organization::name)
                .toList();
    }

    private static List<OrganizationId> ids(List<Organization> organizations) {
        return organizations.stream().map(Organization::id).toList();
    }

    private static Optional<String> token(String token) {
        return token == null || token.isBlank() || token.length() > 100
                ? Optional.empty()
                : Optional.of(SecretToken.hash(token));
    }

    private void mailConfirmation(
            StatementHeading heading,
            SignOn signOn,
            Signer signer,
            SecretToken confirm,
            SecretToken withdraw,
            List<String> newsFrom,
            Language language) {
        var t = new Messages(messageSource, language.locale());
        var blocks = new ArrayList<LetterBlock>();
        blocks.add(new LetterBlock.Paragraph(t.t(
                signOn.kind() == SignOnKind.PERSON ? "signons.mail.intro.person" : "signons.mail.intro.organization",
                signer.name(),
                heading.title(),
                heading.issuer().name(),
                signOn.kind() == SignOnKind.PERSON ? "" : signOn.name())));
        blocks.add(new LetterBlock.Button(t.t("signons.mail.button"), link("/signons/confirm/", confirm, language)));
        blocks.add(new LetterBlock.Paragraph(t.t("signons.mail.validity", SignOn.CONFIRMATION_VALIDITY.toDays())));
        if (!newsFrom.isEmpty()) {
            blocks.add(new LetterBlock.Paragraph(t.t("signons.mail.news", String.join(", ", newsFrom))));
        }
        if (withdraw != null) {
            blocks.add(new LetterBlock.Paragraph(
                    t.t("signons.mail.withdraw", link("/signons/withdraw/", withdraw, language))));
        }
        blocks.add(new LetterBlock.Paragraph(t.t("signons.mail.not-you")));
        var letter = new Letter(
                "signons.confirm",
                language,
                t.t("signons.mail.subject", heading.title()),
                blocks,
                t.t("signons.mail.reason", heading.issuer().name(), site.name()));
        mail.send(letter, Addressee.transactional(signer.email(), signer.name(), "signons.confirm:" + confirm.hash()));
    }

    private void mailAlreadySigned(StatementHeading heading, Signer signer, Language language) {
        var t = new Messages(messageSource, language.locale());
        var letter = new Letter(
                "signons.already-signed",
                language,
                t.t("signons.mail.already.subject", heading.title()),
                List.of(
                        new LetterBlock.Paragraph(t.t("signons.mail.already.intro", heading.title())),
                        new LetterBlock.Paragraph(t.t("signons.mail.already.withdraw")),
                        new LetterBlock.Paragraph(t.t("signons.mail.not-you"))),
                t.t("signons.mail.reason", heading.issuer().name(), site.name()));
        mail.send(
                letter, Addressee.transactional(signer.email(), signer.name(), "signons.already:" + UUID.randomUUID()));
    }

    private String link(String path, SecretToken token, Language language) {
        return properties.link(path + token.value() + "?lang=" + language.tag());
    }
}
