package org.chorus.notifications;

import java.util.Locale;

/** What a notice is about; a task waits for the person to act and closes when the step is done. */
public enum NoticeKind {
    ORGANIZATION_ASKS_TO_JOIN(true),
    ORGANIZATION_APPROVED(false),
    ORGANIZATION_REJECTED(false),
    STATEMENT_IN_REVIEW(true),
    STATEMENT_SENT_BACK(false),
    STATEMENT_SCHEDULED(false),
    STATEMENT_PUBLISHED(false),
    CO_ISSUE_REQUESTED(true),
    CO_ISSUE_ACCEPTED(false),
    CO_ISSUE_DECLINED(false),
    COMMENT_AWAITS_MODERATION(true),
    WEBHOOK_DISABLED(false);

    private final boolean task;

    NoticeKind(boolean task) {
        this.task = task;
    }

    public boolean task() {
        return task;
    }

    /**
     * The message saying what happened: {0} the statement's title or the organization's name, {1} the organization it
     * happened in, {2} the other organization or a date.
     */
    public String key() {
        return "notification." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
