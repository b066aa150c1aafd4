package org.chorus.actions;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the map's grouped squares ({@link MapCells}) up to date: every change to an action marks its campaign in the
 * change's transaction, and a job (one node at a time, every few seconds) groups the marked campaigns again, then
 * makes only their GeoJSON stale in the page cache ({@link ActionMapsGrouped}).
 */
@Service
public class GroupingTheMap {

    /** How often the job runs: what a world map's clusters lag behind the actions by, at most. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final MapCells cells;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GroupingTheMap(MapCells cells, ApplicationEventPublisher events, Clock clock) {
        this.cells = cells;
        this.events = events;
        this.clock = clock;
    }

    /** In the transaction of the change, so that the mark commits with it (or not at all). */
    @EventListener
    void on(ChangesTheMap change) {
        cells.mark(change.campaign(), change.campaignSlug());
    }

    /** A trusted host's action is on the map at once; one that waits is not yet. */
    @EventListener
    void on(ActionRegistered registered) {
        if (registered.approved()) {
            cells.mark(registered.campaign(), registered.campaignSlug());
        }
    }

    /** Groups every marked campaign's map again; returns their addresses (none when another run holds the lock). */
    @Transactional
    public List<String> group() {
        if (!cells.lock()) {
            return List.of();
        }
        var marked = cells.takeMarked();
        var now = clock.instant();
        marked.forEach(m -> cells.group(m.campaign(), now));
        var slugs = marked.stream().map(MapCells.Marked::slug).toList();
        if (!slugs.isEmpty()) {
            events.publishEvent(new ActionMapsGrouped(slugs));
        }
        return slugs;
    }

    @Bean
    static RecurringTask<Void> groupActionMaps(GroupingTheMap grouping) {
        return Tasks.recurring("group-action-maps", FixedDelay.of(INTERVAL))
                .execute((instance, context) -> grouping.group());
    }
}
