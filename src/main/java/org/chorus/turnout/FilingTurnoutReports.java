package org.chorus.turnout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.actions.Action;
import org.chorus.actions.ActionId;
import org.chorus.actions.ReadingActions;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.images.Reencode;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.shared.SecretToken;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The host of an action (with an account, or through the link mailed to a host without one) or an organizer of its
 * campaign files its turnout report once the action has started, and changes it later; organizers hide or show it.
 * Photos are re-encoded ({@link Reencode#photo}) before anything is stored, written to the {@link PhotoStore} and
 * removed from it once the row that names them is gone (after the commit); a photo written for a save that rolls back
 * is removed again.
 */
@Service
public class FilingTurnoutReports {

    /** The largest photo accepted, in bytes. */
    public static final int PHOTO_MAX_BYTES = 10 * 1024 * 1024;
    /** The long side of a stored photo, in pixels. */
    public static final int PHOTO_SIDE = 2_048;
    // what the sealing of a filer is bound to (AEAD associated data)
    static final String FILER_COLUMN = "turnout_reports.filed_by";
    static final String LINK = "link";

    private final TurnoutReports reports;
    private final ReadingActions actions;
    private final CampaignOrganizers organizers;
    private final PhotoStore store;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int forgetAfterDays;

    FilingTurnoutReports(
            TurnoutReports reports,
            ReadingActions actions,
            CampaignOrganizers organizers,
            PhotoStore store,
            PersonalData personalData,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${chorus.turnout.forget-uploaders-days:30}") int forgetAfterDays) {
        this.reports = reports;
        this.actions = actions;
        this.organizers = organizers;
        this.store = store;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
        this.forgetAfterDays = forgetAfterDays;
    }

    /** An action and its report (null: none yet) as its host or an organizer edits it. */
    public record Editing(Action action, TurnoutReport report, boolean started, boolean organizer) {}

    /** The report of an action the person hosts or organizes; 404 for anyone else. */
    @Transactional(readOnly = true)
    public Editing editing(Actor actor, ActionId id) {
        var action = action(id);
        var organizer = organizers.isOrganizer(actor, action.campaign());
        if (!organizer && !action.hostedBy(actor.account())) {
            throw new NotFoundException("action.not-found");
        }
        return editing(action, organizer);
    }

    /** The report a host's emailed link opens; 404 for an unknown or expired link. */
    @Transactional(readOnly = true)
    public Editing editing(String token) {
        return editing(action(linked(token)), false);
    }

    private Editing editing(Action action, boolean organizer) {
        return new Editing(
                action,
                reports.byAction(action.id()).orElse(null),
                !clock.instant().isBefore(action.details().start().toInstant()),
                organizer);
    }

    /** The host or an organizer files or changes the report. */
    @Transactional
    public TurnoutReport file(Actor actor, ActionId id, TurnoutForm form, List<TurnoutForm.Upload> uploads) {
        var editing = editing(actor, id);
        return save(
                editing.action(), form, uploads, "account:" + actor.account().value(), actor.account());
    }

    /** The host without an account files or changes the report through the emailed link. */
    @Transactional
    public TurnoutReport file(String token, TurnoutForm form, List<TurnoutForm.Upload> uploads) {
        return save(action(linked(token)), form, uploads, LINK, null);
    }

    /** An organizer of the campaign hides the report (not public, not counted) or shows it again. */
    @Transactional
    public void hide(Actor actor, ActionId id, boolean hidden) {
        var action = action(id);
        if (!organizers.isOrganizer(actor, action.campaign())) {
            if (action.hostedBy(actor.account())) {
                throw new PermissionDenied("turnout.hide.organizers-only");
            }
            throw new NotFoundException("action.not-found");
        }
        if (!reports.setHidden(id, hidden, clock.instant())) {
            throw DomainException.conflict("turnout.none");
        }
        events.publishEvent(new TurnoutHidden(id, action.campaign(), action.campaignSlug(), hidden, actor.account()));
    }

    /**
     * A photo's bytes for a reader: anyone while its report is visible; once hidden, only the action's host and the
     * campaign's organizers ({@code viewer} null: anonymous).
     */
    @Transactional(readOnly = true)
    public Optional<PhotoContent> photo(Actor viewer, UUID id) {
        var stored = reports.photo(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (stored.get().hidden()) {
            var action = actions.byId(stored.get().action());
            var allowed = viewer != null
                    && action.isPresent()
                    && (action.get().hostedBy(viewer.account())
                            || organizers.isOrganizer(viewer, action.get().campaign()));
            if (!allowed) {
                return Optional.empty();
            }
        }
        return store.read(stored.get().storeKey())
                .map(bytes -> new PhotoContent(bytes, stored.get().hidden()));
    }

    /** A photo's bytes, and whether its report is hidden (then it is served privately). */
    public record PhotoContent(byte[] jpeg, boolean hidden) {}

    private TurnoutReport save(
            Action action, TurnoutForm form, List<TurnoutForm.Upload> uploads, String filer, AccountId by) {
        var now = clock.instant();
        if (!action.isPublic() || action.cancelled()) {
            throw DomainException.conflict("turnout.not-reportable");
        }
        if (now.isBefore(action.details().start().toInstant())) {
            throw DomainException.conflict("turnout.not-started");
        }
        var existing = reports.byActionForUpdate(action.id());
        var kept = new ArrayList<TurnoutPhoto>();
        var removed = new ArrayList<TurnoutPhoto>();
        var remove = new HashSet<>(form.remove());
        existing.ifPresent(r -> r.photos().forEach(p -> (remove.contains(p.id().toString()) ? removed : kept).add(p)));
        var added = uploads.stream().filter(u -> u.bytes().length > 0).toList();
        var checks = new FieldChecks();
        var participants = checks.check(() -> participants(form.participants()));
        var body = checks.check(() -> body(form.body()));
        for (int i = 0; i < added.size(); i++) {
            var caption =
                    added.get(i).caption() == null ? "" : added.get(i).caption().strip();
            checks.check(() -> {
                if (caption.length() > TurnoutPhoto.CAPTION_MAX) {
                    throw new InvalidField("photos", "turnout.caption.too-long", TurnoutPhoto.CAPTION_MAX);
                }
            });
        }
        if (kept.size() + added.size() > TurnoutReport.PHOTOS_MAX) {
            checks.check((Runnable) () -> {
                throw new InvalidField("photos", "turnout.photos.too-many", TurnoutReport.PHOTOS_MAX);
            });
        }
        checks.done();
        for (var upload : added) {
            if (upload.bytes().length > PHOTO_MAX_BYTES) {
                throw new DomainException(413, "turnout.photo.too-large", PHOTO_MAX_BYTES / (1024 * 1024));
            }
        }
        var clean = added.stream()
                .map(u -> Reencode.photo(u.bytes(), PHOTO_SIDE, "photos"))
                .toList();
        var details = action.details();
        var report = new TurnoutReport(
                action.id(),
                action.campaign(),
                action.campaignSlug(),
                details.online() ? "" : details.place().country(),
                details.start().toLocalDate(),
                participants,
                body,
                existing.map(TurnoutReport::hidden).orElse(false),
                existing.map(TurnoutReport::createdAt).orElse(now),
                now,
                List.of());
        var ciphertext = personalData.seal(filer, FILER_COLUMN);
        reports.save(report, ciphertext, forgetAt(details.end().toInstant()));
        for (var photo : removed) {
            reports.deletePhoto(action.id(), photo.id());
            afterCommit(() -> store.delete(photo.storeKey()));
        }
        int position = kept.stream().mapToInt(TurnoutPhoto::position).max().orElse(0);
        for (int i = 0; i < clean.size(); i++) {
            var photo = new TurnoutPhoto(
                    UUID.randomUUID(),
                    ++position,
                    clean.get(i).width(),
                    clean.get(i).height(),
                    added.get(i).caption() == null ? "" : added.get(i).caption().strip());
            store.write(photo.storeKey(), clean.get(i).jpeg());
            afterRollback(() -> store.delete(photo.storeKey()));
            reports.insertPhoto(action.id(), photo, personalData.seal(filer, FILER_COLUMN), now);
        }
        events.publishEvent(
                new TurnoutReported(action.id(), action.campaign(), action.campaignSlug(), participants, by));
        return reports.byAction(action.id()).orElseThrow();
    }

    private static int participants(String typed) {
        try {
            int count = Integer.parseInt(typed == null ? "" : typed.strip());
            if (count < 0 || count > TurnoutReport.PARTICIPANTS_MAX) {
                throw new InvalidField("participants", "turnout.participants.range", TurnoutReport.PARTICIPANTS_MAX);
            }
            return count;
        } catch (NumberFormatException e) {
            throw new InvalidField("participants", "turnout.participants.range", TurnoutReport.PARTICIPANTS_MAX);
        }
    }

    private static String body(String typed) {
        var body = typed == null ? "" : typed.strip();
        if (body.length() > TurnoutReport.BODY_MAX) {
            throw new InvalidField("body", "turnout.body.too-long", TurnoutReport.BODY_MAX);
        }
        return body;
    }

    private Action action(ActionId id) {
        return actions.byId(id).orElseThrow(() -> new NotFoundException("action.not-found"));
    }

    private ActionId linked(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("turnout.link-unknown");
        }
        return reports.byToken(SecretToken.hash(token), clock.instant())
                .orElseThrow(() -> new NotFoundException("turnout.link-unknown"));
    }

    private static void afterCommit(Runnable task) {
        org.chorus.shared.database.AfterCommit.run(task);
    }

    private static void afterRollback(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        task.run();
                    }
                }
            });
        }
    }

    /** When the report of an action ended at this moment forgets who filed it. */
    Instant forgetAt(Instant end) {
        return end.plus(java.time.Duration.ofDays(forgetAfterDays));
    }
}
