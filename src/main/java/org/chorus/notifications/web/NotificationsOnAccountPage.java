package org.chorus.notifications.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.chorus.accounts.AccountPageSection;
import org.chorus.notifications.Frequency;
import org.chorus.notifications.NotificationSettings;
import org.chorus.notifications.ReadingTasks;
import org.chorus.organizations.Actor;
import org.chorus.shared.web.PageContribution;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Component;

/** The account page's "Notifications" section: the link to the person's tasks with their count, and their choice. */
@Component
class NotificationsOnAccountPage implements PageContribution<AccountPageSection> {

    private final ReadingTasks tasks;
    private final NotificationSettings settings;
    private final TemplateEngine templates;

    NotificationsOnAccountPage(ReadingTasks tasks, NotificationSettings settings, TemplateEngine templates) {
        this.tasks = tasks;
        this.settings = settings;
        this.templates = templates;
    }

    @Override
    public Optional<Content> render(AccountPageSection slot, Ui ui) {
        var person = new Actor(slot.account(), false);
        var model = Map.<String, Object>of(
                "ui", ui,
                "open", ui.openTasks(),
                "frequency", settings.frequency(person),
                "choices", Frequency.values());
        return Optional.of(output -> templates.render("notifications/account-section.jte", model, output));
    }
}
