package org.chorus.turnout;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.chorus.accounts.AccountDirectory;
import org.chorus.actions.Action;
import org.chorus.actions.ReadingActions;
import org.chorus.email.Addressee;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.email.Mail;
import org.chorus.shared.SecretToken;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.config.SiteName;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once an action is over, its host is asked by mail for a turnout report, once: the request's row
 * ({@code turnout_requests}) and the letter commit together, a second run (or node) finds the row and sends nothing,
 * and the letter's idempotency key keeps the email engine from queuing it twice anyway. A host with an account gets
 * the report page's address (they sign in); a host without one gets a link of their own, good until the report
 * forgets who filed it. Every 15 minutes, one node at a time (db-scheduler), for actions ended in the last week.
 */
@Configuration
public class AskingForTurnout {

    /** How long after its end an action's host is still asked (an action older than that when Chorus learns of it is not). */
    static final Duration ASKED_WITHIN = Duration.ofDays(7);

    private static final int PAGE = 500;

    private final TurnoutReports reports;
    private final ReadingActions actions;
    private final AccountDirectory accounts;
    private final FilingTurnoutReports filing;
    private final Mail mail;
    private final MessageSource messages;
    private final ChorusProperties properties;
    private final SiteName site;
    private final Clock clock;

    AskingForTurnout(
            TurnoutReports reports,
            ReadingActions actions,
            AccountDirectory accounts,
            FilingTurnoutReports filing,
            Mail mail,
            MessageSource messages,
            ChorusProperties properties,
            SiteName site,
            Clock clock) {
        this.reports = reports;
        this.actions = actions;
        this.accounts = accounts;
        this.filing = filing;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.site = site;
        this.clock = clock;
    }

    /** Asks the hosts of the actions that ended lately and were not asked yet; returns how many letters went. */
    @Transactional
    public int askHosts() {
        var now = clock.instant();
        var from = now.minus(ASKED_WITHIN);
        int sent = 0;
        while (true) {
            List<Action> ended = actions.endedBetween(from, now, PAGE);
            var asked = reports.asked(ended.stream().map(Action::id).toList());
            for (var action : ended) {
                if (!asked.contains(action.id()) && ask(action)) {
                    sent++;
                }
            }
            var last = ended.isEmpty() ? null : ended.getLast().details().end().toInstant();
            if (ended.size() < PAGE || last == null || !last.isAfter(from)) {
                return sent;
            }
            from = last;
        }
    }

    private boolean ask(Action action) {
        var now = clock.instant();
        if (action.host() != null) {
            if (!reports.recordRequest(action.id(), now, null, null)) {
                return false;
            }
            var host = accounts.find(action.host());
            if (host.isEmpty()) {
                return false;
            }
            var language = Language.byTag(host.get().language()).orElse(Language.DEFAULT);
            send(action, host.get().email(), host.get().displayName(), language, "/actions/" + action.id() + "/report");
            return true;
        }
        var contact = actions.hostWithoutAccount(action.id());
        var token = SecretToken.generate();
        var expires = filing.forgetAt(action.details().end().toInstant());
        if (!reports.recordRequest(action.id(), now, contact.isPresent() ? token.hash() : null, expires)) {
            return false;
        }
        if (contact.isEmpty()) {
            return false;
        }
        // in the language the host wrote their form in, as the letters with their manage link
        var language =
                actions.hostLanguage(action.id()).flatMap(Language::byTag).orElse(Language.DEFAULT);
        send(
                action,
                contact.get().email(),
                contact.get().name(),
                language,
                "/turnout/report/" + token.value() + "?lang=" + language.tag());
        return true;
    }

    private void send(Action action, String email, String name, Language language, String path) {
        var t = new Messages(messages, language.locale());
        var title = action.details().title();
        var letter = new Letter(
                "turnout.ask",
                language,
                t.t("turnout.mail.ask.subject", title),
                List.of(
                        new LetterBlock.Paragraph(t.t("turnout.mail.ask.intro", title)),
                        new LetterBlock.Button(t.t("turnout.mail.ask.button"), properties.link(path)),
                        new LetterBlock.Paragraph(t.t("turnout.mail.ask.photos"))),
                t.t("turnout.mail.ask.reason", site.name()));
        mail.send(letter, Addressee.transactional(email, name, "turnout.ask:" + action.id()));
    }

    @Bean
    RecurringTask<Void> askForTurnoutReports() {
        return Tasks.recurring("ask-for-turnout-reports", FixedDelay.ofMinutes(15))
                .execute((instance, context) -> askHosts());
    }
}
