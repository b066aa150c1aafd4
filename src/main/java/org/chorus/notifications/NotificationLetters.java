package org.chorus.notifications;

import java.util.ArrayList;
import java.util.List;
import org.chorus.accounts.AccountSummary;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The emails of notifications, in the recipient's language: one per step, or one summary a day. */
@Component
class NotificationLetters {

    private final Mail mail;
    private final MessageSource messages;
    private final ChorusProperties settings;
    private final Describing describing;
    private final org.chorus.shared.config.SiteName site;

    NotificationLetters(
            Mail mail,
            MessageSource messages,
            ChorusProperties settings,
            Describing describing,
            org.chorus.shared.config.SiteName site) {
        this.site = site;
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
        this.describing = describing;
    }

    static Language language(AccountSummary person) {
        return Language.byTag(person.language() == null ? "" : person.language())
                .orElse(Language.DEFAULT);
    }

    Messages in(Language language) {
        return new Messages(messages, language.locale());
    }

    /** One step, told at once; {@code comment} is the reviewer's, for a statement sent back. */
    void step(AccountSummary person, Notice notice, String key, @Nullable String comment) {
        var language = language(person);
        var t = in(language);
        var described =
                describing.describe(List.of(notice), t, language.locale()).getFirst();
        var blocks = new ArrayList<LetterBlock>();
        blocks.add(new LetterBlock.Paragraph(described.text()));
        if (comment != null && !comment.isBlank()) {
            blocks.add(new LetterBlock.Paragraph(t.t("notification.mail.comment")));
            blocks.add(new LetterBlock.Paragraph(comment));
        }
        if (described.open()) {
            blocks.add(new LetterBlock.Paragraph(t.t("notification.mail.task")));
        }
        blocks.add(new LetterBlock.Button(t.t("notification.mail.open"), settings.link(described.path())));
        mail.send(
                new Letter(
                        "notifications." + notice.kind().name().toLowerCase(java.util.Locale.ROOT),
                        language,
                        described.text(),
                        blocks,
                        t.t("notification.mail.reason", settings.link("/account"), site.name())),
                Addressee.transactional(person.email(), person.displayName(), "notifications:" + key));
    }

    /** The day's summary: every notice since the last one, with what still waits. */
    void summary(AccountSummary person, List<Notice> notices, String key) {
        var language = language(person);
        var t = in(language);
        var described = describing.describe(notices, t, language.locale());
        var items = described.stream()
                .map(d -> new LetterBlock.Item(
                        d.text(), settings.link(d.path()), d.open() ? t.t("notification.summary.waiting") : ""))
                .toList();
        long open = described.stream().filter(Described::open).count();
        mail.send(
                new Letter(
                        "notifications.daily",
                        language,
                        t.t("notification.summary.subject", notices.size()),
                        List.of(
                                new LetterBlock.Paragraph(t.t("notification.summary.intro", notices.size(), open)),
                                new LetterBlock.Items(items),
                                new LetterBlock.Button(
                                        t.t("notification.summary.tasks"), settings.link("/account/tasks"))),
                        t.t("notification.mail.reason", settings.link("/account"), site.name())),
                Addressee.transactional(person.email(), person.displayName(), "notifications:" + key));
    }
}
