package org.chorus.notifications;

import java.time.Clock;
import org.chorus.organizations.Actor;
import org.chorus.shared.InvalidField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How each person wants to hear of the steps that concern them: an email each, a daily summary, or none. */
@Service
public class NotificationSettings {

    private final Notices notices;
    private final Clock clock;

    NotificationSettings(Notices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Frequency frequency(Actor person) {
        return notices.frequency(person.account());
    }

    /** Changes the person's own choice; an unknown value is refused. */
    @Transactional
    public Frequency change(Actor person, String frequency) {
        var chosen = Frequency.parse(frequency == null ? "" : frequency)
                .orElseThrow(() -> new InvalidField("frequency", "notification.frequency.invalid"));
        notices.setFrequency(person.account(), chosen, clock.instant());
        return chosen;
    }
}
