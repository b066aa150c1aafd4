package org.chorus.comments;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.shared.DomainException;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.chorus.statements.ReadingStatements;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visitors without an account comment on a statement by giving a name and an email address. The comment waits, unseen
 * and outside the moderation queue, until its author follows the one-time link mailed to them (valid
 * {@link #LINK_VALIDITY}); then it waits for the moderators like any other. The same spam defences apply as for
 * signed-in people, plus a limit per address. The address is kept only sealed and as a blind index, which bans use.
 */
@Service
public class CommentingAsGuest {

    public static final Duration LINK_VALIDITY = Duration.ofHours(48);
    public static final int NAME_MAX = 100;
    static final String EMAIL_COLUMN = "comments.guest_email";

    private final Comments comments;
    private final ReadingStatements statements;
    private final FormStamps stamps;
    private final UsedFormStamps usedStamps;
    private final CommentRateLimits rateLimits;
    private final PersonalData personalData;
    private final Mail mail;
    private final MessageSource messageSource;
    private final ChorusProperties properties;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final org.chorus.shared.config.SiteName site;

    CommentingAsGuest(
            Comments comments,
            ReadingStatements statements,
            FormStamps stamps,
            UsedFormStamps usedStamps,
            CommentRateLimits rateLimits,
            PersonalData personalData,
            Mail mail,
            MessageSource messageSource,
            ChorusProperties properties,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            org.chorus.shared.config.SiteName site) {
        this.site = site;
        this.comments = comments;
        this.statements = statements;
        this.stamps = stamps;
        this.usedStamps = usedStamps;
        this.rateLimits = rateLimits;
        this.personalData = personalData;
        this.mail = mail;
        this.messageSource = messageSource;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** What a guest writes in the form. */
    public record GuestComment(String name, String email, String body) {}

    /**
     * Keeps the comment as unconfirmed and mails the confirmation link in {@code language} (the page's). A filled
     * honeypot is answered as if all went well, but nothing is stored or sent.
     */
    @Transactional
    public Comment post(
            String statementSlug, CommentId parentId, GuestComment form, SpamSignals signals, Language language) {
        var heading = statements.heading(null, statementSlug, language.tag());
        var statement = heading.statement();
        if (!statement.isPublic()) {
            throw DomainException.conflict("comment.statement-not-public");
        }
        if (!statement.commentsEnabled()) {
            throw DomainException.conflict("comment.disabled");
        }
        CommentId parent = null;
        if (parentId != null) {
            var replyTo = comments.byId(parentId)
                    .filter(c -> c.statement().equals(statement.id()) && c.approved())
                    .orElseThrow(() -> new NotFoundException("comment.not-found"));
            parent = replyTo.parent() == null ? replyTo.id() : replyTo.parent();
        }
        var now = clock.instant();
        if (signals.honeypotFilled()) {
            return new Comment(
                    CommentId.random(),
                    statement.id(),
                    statement.issuer(),
                    parent,
                    Commenting.GUEST,
                    "",
                    "",
                    CommentStatus.UNCONFIRMED,
                    now,
                    null,
                    0);
        }
        var stamp = stamps.check(signals.formStamp());
        var name = checkedName(form.name());
        var email = checkedEmail(form.email());
        var text = Commenting.checkedBody(form.body());
        var index = personalData.emailIndex(email);
        if (comments.emailBanned(statement.issuer(), index)) {
            throw new PermissionDenied("comment.banned");
        }
        var network = NetworkPrefix.hash(signals.address());
        rateLimits.takeGuest(HexFormat.of().formatHex(index), network);
        var comment = new Comment(
                CommentId.random(),
                statement.id(),
                statement.issuer(),
                parent,
                Commenting.GUEST,
                name,
                text,
                CommentStatus.UNCONFIRMED,
                now,
                null,
                0);
        var token = SecretToken.generate();
        usedStamps.spend(stamp);
        comments.insertGuest(
                comment, network, personalData.seal(email, EMAIL_COLUMN), index, token.hash(), now.plus(LINK_VALIDITY));
        var t = new Messages(messageSource, language.locale());
        var organization = heading.issuer().name();
        var title = heading.title();
        var letter = new Letter(
                "comments.guest-confirm",
                language,
                t.t("comment.guest.mail.subject", title),
                List.of(
                        new LetterBlock.Paragraph(t.t("comment.guest.mail.intro", name, title, organization)),
                        new LetterBlock.Button(
                                t.t("comment.guest.mail.button"), properties.link("/guest-comments/" + token.value())),
                        new LetterBlock.Paragraph(t.t("comment.guest.mail.validity", LINK_VALIDITY.toHours())),
                        new LetterBlock.Paragraph(t.t("comment.guest.mail.not-you"))),
                t.t("comment.guest.mail.reason", organization, site.name()));
        mail.send(letter, Addressee.transactional(email, name, "comments.guest-confirm:" + token.hash()));
        return comment;
    }

    /** What following a confirmation link did. */
    public enum Outcome {
        /** The comment now waits for the moderators. */
        CONFIRMED,
        /** The link was followed before; the comment was already passed on. */
        ALREADY_CONFIRMED,
        /** The link is past its validity: the comment was not passed on and will be deleted. */
        EXPIRED,
        /** No comment has this link (mistyped, or deleted after it expired). */
        UNKNOWN
    }

    /** The result of a confirmation link, with the statement the comment is about (null when unknown). */
    public record Confirmation(Outcome outcome, String statementSlug) {}

    /** The guest followed the link: their comment joins the moderation queue, once. */
    @Transactional
    public Confirmation confirm(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new Confirmation(Outcome.UNKNOWN, null);
        }
        var found = comments.byConfirmToken(SecretToken.hash(token));
        if (found.isEmpty()) {
            return new Confirmation(Outcome.UNKNOWN, null);
        }
        var comment = found.get().comment();
        var slug = statements.slugOf(comment.statement()).orElse(null);
        if (comment.status() != CommentStatus.UNCONFIRMED) {
            return new Confirmation(Outcome.ALREADY_CONFIRMED, slug);
        }
        if (!clock.instant().isBefore(found.get().until())) {
            return new Confirmation(Outcome.EXPIRED, slug);
        }
        if (!comments.confirm(comment.id())) {
            return new Confirmation(Outcome.ALREADY_CONFIRMED, slug);
        }
        events.publishEvent(new CommentAwaitsModeration(
                comment.id(), comment.statement(), comment.organization(), null, clock.instant()));
        return new Confirmation(Outcome.CONFIRMED, slug);
    }

    static String checkedName(String name) {
        var clean = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", " ");
        if (clean.isEmpty()) {
            throw new InvalidField("name", "comment.guest.name.required");
        }
        if (clean.length() > NAME_MAX) {
            throw new InvalidField("name", "comment.guest.name.too-long", NAME_MAX);
        }
        return clean;
    }

    static String checkedEmail(String email) {
        try {
            return EmailAddress.check(email);
        } catch (DomainException e) {
            throw new InvalidField("email", "comment.guest.email.invalid");
        }
    }
}
