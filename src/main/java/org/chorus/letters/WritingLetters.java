package org.chorus.letters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorus.campaigns.CampaignOrganizers;
import org.chorus.campaigns.PublishedCampaign;
import org.chorus.campaigns.ReadingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizers of a published campaign write its letter and keep its officials, by hand or from a CSV file
 * ({@link TargetCsv}); everyone else gets 403. Each change makes the campaign's cached pages stale.
 */
@Service
public class WritingLetters {

    private final Letters letters;
    private final ReadingCampaigns campaigns;
    private final CampaignOrganizers organizers;
    private final CountingLetters counting;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WritingLetters(
            Letters letters,
            ReadingCampaigns campaigns,
            CampaignOrganizers organizers,
            CountingLetters counting,
            ApplicationEventPublisher events,
            Clock clock) {
        this.letters = letters;
        this.campaigns = campaigns;
        this.organizers = organizers;
        this.counting = counting;
        this.events = events;
        this.clock = clock;
    }

    /** What the organizers' page shows: the campaign and its languages, the letter (if written), officials, counts. */
    public record Managed(
            PublishedCampaign campaign,
            List<String> languages,
            Optional<CampaignLetter> letter,
            List<Target> targets,
            CountingLetters.Summary counts) {}

    /**
     * The letter as the organizers' form sends it: {@code texts} holds {@code subject_<language>}, {@code
     * opening_<language>}, {@code core_<language>} and {@code closing_<language>} for each of the campaign's languages.
     */
    public record LetterForm(
            boolean enabled, String opensOn, String closesOn, boolean subjectLocked, Map<String, String> texts) {

        public String text(String field, String language) {
            return texts.getOrDefault(field + "_" + language, "");
        }

        static LetterForm of(CampaignLetter letter) {
            var texts = new java.util.HashMap<String, String>();
            for (var t : letter.texts()) {
                texts.put("subject_" + t.language(), t.subject());
                texts.put("opening_" + t.language(), t.opening());
                texts.put("core_" + t.language(), t.core());
                texts.put("closing_" + t.language(), t.closing());
            }
            return new LetterForm(
                    letter.enabled(),
                    letter.opensOn().toString(),
                    letter.closesOn().toString(),
                    letter.subjectLocked(),
                    texts);
        }

        /** A new letter's form: off, open over the campaign's window, subject locked. */
        public static LetterForm empty(PublishedCampaign campaign) {
            return new LetterForm(
                    false, campaign.startsOn().toString(), campaign.endsOn().toString(), true, Map.of());
        }
    }

    /** An official as the organizers' form sends it. */
    public record TargetForm(String country, String office, String name, String email, String webForm, String note) {

        public static TargetForm empty() {
            return new TargetForm("", "", "", "", "", "");
        }

        public static TargetForm of(Target t) {
            return new TargetForm(
                    t.country(),
                    t.office(),
                    t.name(),
                    t.email() == null ? "" : t.email(),
                    t.webForm() == null ? "" : t.webForm(),
                    t.note());
        }
    }

    /** What an import did: officials added and updated, or the lines that stopped it (then nothing changed). */
    public record Imported(int added, int updated, List<TargetCsv.LineError> errors) {}

    @Transactional(readOnly = true)
    public Managed managed(Actor actor, String slug, String language) {
        var campaign = organized(actor, slug, language);
        var languages = campaigns.page(actor, slug, null).translations().stream()
                .map(t -> t.language())
                .toList();
        return new Managed(
                campaign,
                languages,
                letters.letter(campaign.id()),
                letters.targets(campaign.id()),
                counting.summary(campaign.id()));
    }

    /** The form of the letter as stored, or a new one's. */
    public LetterForm form(Managed managed) {
        return managed.letter().map(LetterForm::of).orElseGet(() -> LetterForm.empty(managed.campaign()));
    }

    /** Saves the letter: its settings and its words in every one of the campaign's languages, all checked together. */
    @Transactional
    public CampaignLetter save(Actor actor, String slug, LetterForm form) {
        var campaign = organized(actor, slug, null);
        var languages = campaigns.page(actor, slug, null).translations().stream()
                .map(t -> t.language())
                .toList();
        var checks = new FieldChecks();
        var texts = new ArrayList<LetterText>();
        for (var language : languages) {
            var text = checks.check(() -> LetterText.written(
                    language,
                    form.text("subject", language),
                    form.text("opening", language),
                    form.text("core", language),
                    form.text("closing", language)));
            if (text != null) {
                texts.add(text);
            }
        }
        var letter = checks.check(() -> CampaignLetter.written(
                campaign.id(),
                campaign.slug(),
                form.enabled(),
                form.opensOn(),
                form.closesOn(),
                form.subjectLocked(),
                texts));
        checks.done();
        letters.save(letter, clock.instant());
        events.publishEvent(new LetterChanged(campaign.id(), campaign.slug()));
        return letter;
    }

    @Transactional
    public Target addTarget(Actor actor, String slug, TargetForm form) {
        var campaign = organized(actor, slug, null);
        var target = written(TargetId.random(), campaign, form);
        if (!letters.upsert(target, clock.instant())) {
            throw new InvalidField("office", "letter.target.exists");
        }
        events.publishEvent(new LetterChanged(campaign.id(), campaign.slug()));
        return target;
    }

    @Transactional(readOnly = true)
    public Target target(Actor actor, String slug, String id) {
        var campaign = organized(actor, slug, null);
        return find(campaign, id);
    }

    @Transactional
    public Target editTarget(Actor actor, String slug, String id, TargetForm form) {
        var campaign = organized(actor, slug, null);
        var target = written(find(campaign, id).id(), campaign, form);
        if (!letters.update(target, clock.instant())) {
            throw new InvalidField("office", "letter.target.exists");
        }
        events.publishEvent(new LetterChanged(campaign.id(), campaign.slug()));
        return target;
    }

    /** Deletes the official; the counts of letters they got stay. */
    @Transactional
    public void deleteTarget(Actor actor, String slug, String id) {
        var campaign = organized(actor, slug, null);
        letters.delete(campaign.id(), find(campaign, id).id());
        events.publishEvent(new LetterChanged(campaign.id(), campaign.slug()));
    }

    /**
     * Imports officials from a CSV file: every line is checked first, and one bad line (with its number and what is
     * wrong) imports nothing; a line naming an official already there (same country, office and contact) updates it,
     * so importing the same file twice changes nothing.
     */
    @Transactional
    public Imported importTargets(Actor actor, String slug, byte[] file) {
        var campaign = organized(actor, slug, null);
        var parsed = TargetCsv.parse(file);
        var errors = new ArrayList<>(parsed.errors());
        var targets = new ArrayList<Target>();
        var seen = new java.util.HashMap<String, Integer>();
        for (var row : parsed.rows()) {
            try {
                var target = written(
                        TargetId.random(),
                        campaign,
                        new TargetForm(
                                row.get("country"),
                                row.get("office"),
                                row.get("name"),
                                row.get("email"),
                                row.get("web_form"),
                                row.get("note")));
                var key = target.country() + "\u0000" + target.office() + "\u0000"
                        + (target.email() == null
                                ? target.webForm()
                                : target.email().toLowerCase(java.util.Locale.ROOT));
                var earlier = seen.putIfAbsent(key, row.line());
                if (earlier != null) {
                    errors.add(new TargetCsv.LineError(row.line(), "letter.import.repeated", List.of(earlier)));
                } else {
                    targets.add(target);
                }
            } catch (InvalidField invalid) {
                for (var broken : invalid.fields()) {
                    errors.add(new TargetCsv.LineError(
                            row.line(), column(broken.field()), broken.messageKey(), List.of(broken.arguments())));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(TargetCsv.LineError::line));
            return new Imported(0, 0, errors);
        }
        var now = clock.instant();
        int added = 0;
        for (var target : targets) {
            if (letters.upsert(target, now)) {
                added++;
            }
        }
        events.publishEvent(new LetterChanged(campaign.id(), campaign.slug()));
        return new Imported(added, targets.size() - added, List.of());
    }

    /** The CSV column of a form field. */
    private static String column(String field) {
        return field.equals("webForm") ? "web_form" : field;
    }

    private static Target written(TargetId id, PublishedCampaign campaign, TargetForm form) {
        return Target.written(
                id,
                campaign.id(),
                form.country(),
                form.office(),
                form.name(),
                form.email(),
                form.webForm(),
                form.note());
    }

    private Target find(PublishedCampaign campaign, String id) {
        var targetId = TargetId.parse(id);
        return (targetId == null ? Optional.<Target>empty() : letters.target(campaign.id(), targetId))
                .orElseThrow(() -> new NotFoundException("letter.target.not-found"));
    }

    private PublishedCampaign organized(Actor actor, String slug, String language) {
        return organizers.organized(actor, slug, language, "letter.organizers-only");
    }
}
