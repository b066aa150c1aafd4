package org.chorus.actions;

import java.util.ArrayList;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.MessageSource;

/** The letters a host gets about an action, whoever the host is (an account, or an address confirmed). */
final class ActionLetters {

    private ActionLetters() {}

    /**
     * Why the organizers rejected the action, with a link to change it ({@code link}: its edit page, or a new manage
     * link, which replaces the earlier one's: {@code replacesLink}).
     */
    static Letter rejection(
            MessageSource messages,
            Language language,
            Action action,
            String link,
            boolean replacesLink,
            String siteName) {
        var t = new Messages(messages, language.locale());
        var title = action.details().title();
        var blocks = new ArrayList<LetterBlock>();
        blocks.add(new LetterBlock.Paragraph(t.t("action.mail.rejected.intro", title)));
        blocks.add(new LetterBlock.Paragraph(action.rejectionReason()));
        blocks.add(new LetterBlock.Button(t.t("action.mail.rejected.edit"), link));
        if (replacesLink) {
            blocks.add(new LetterBlock.Paragraph(t.t("action.mail.manage.replaces")));
        }
        return new Letter(
                "actions.rejected",
                language,
                t.t("action.mail.rejected.subject", title),
                blocks,
                t.t("action.mail.rejected.reason", siteName));
    }

    /** One letter per rejection: a repeated request (or a retried transaction) sends it once. */
    static String rejectionKey(Action action) {
        return "actions.rejected:" + action.id() + ":" + action.sequence() + ":"
                + action.updatedAt().toEpochMilli();
    }
}
