package org.chorus.notifications.web;

import org.chorus.notifications.NotificationSettings;
import org.chorus.notifications.ReadingTasks;
import org.chorus.organizations.Actor;
import org.chorus.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Your tasks": what waits for the signed-in person, and how they want to hear of it (set from the account page). */
@Controller
class TasksController {

    private final ReadingTasks tasks;
    private final NotificationSettings settings;

    TasksController(ReadingTasks tasks, NotificationSettings settings) {
        this.tasks = tasks;
        this.settings = settings;
    }

    @GetMapping("/account/tasks")
    String tasks(Actor actor, Ui ui, Model model) {
        model.addAttribute("tasks", tasks.of(actor, ui.messages(), ui.locale()));
        model.addAttribute("frequency", settings.frequency(actor));
        return "notifications/tasks";
    }

    /** An unknown choice is a 422 page saying so (InvalidField); nothing changes. */
    @PostMapping("/account/notifications")
    String change(Actor actor, @RequestParam(defaultValue = "") String frequency, RedirectAttributes redirect) {
        settings.change(actor, frequency);
        redirect.addFlashAttribute("notice", "notification.settings.saved");
        return "redirect:/account#notifications-h";
    }
}
