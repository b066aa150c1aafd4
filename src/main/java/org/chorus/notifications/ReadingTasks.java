package org.chorus.notifications;

import java.util.List;
import java.util.Locale;
import org.chorus.organizations.Actor;
import org.chorus.shared.i18n.Messages;
import org.chorus.shared.web.OpenTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own tasks and recent notices ("Your tasks"), and the count in the page header. */
@Service
@Transactional(readOnly = true)
public class ReadingTasks implements OpenTasks {

    static final int SHOWN = 200;
    static final int RECENT = 20;

    private final Notices notices;
    private final Describing describing;

    ReadingTasks(Notices notices, Describing describing) {
        this.notices = notices;
        this.describing = describing;
    }

    /** What waits for the person, oldest first, and what they were told lately, in their language. */
    public Tasks of(Actor viewer, Messages t, Locale locale) {
        var open = notices.openTasks(viewer.account(), SHOWN);
        var recent = notices.recent(viewer.account(), RECENT);
        var described = describing.describe(
                java.util.stream.Stream.concat(open.stream(), recent.stream()).toList(), t, locale);
        return new Tasks(described.subList(0, open.size()), described.subList(open.size(), described.size()));
    }

    /** How many tasks wait for the person: one query on a partial index. */
    public int count(Actor viewer) {
        return notices.countOpen(viewer.account().value());
    }

    @Override
    public int count(java.util.UUID account) {
        return notices.countOpen(account);
    }

    /** The open tasks and the latest notices of one person. */
    public record Tasks(List<Described> open, List<Described> recent) {}
}
