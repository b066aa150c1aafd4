package org.chorus.statements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chorus.shared.FormDates;
import org.chorus.shared.InvalidField;
import org.chorus.shared.Slug;

/**
 * What writers type for a statement, checked field by field into clean values. The date of issue is a day
 * ({@code 2024-02-09}) or, when the day is unknown, a month ({@code 2024-02}).
 */
public record StatementDraft(
        String language,
        String title,
        String subtitle,
        String body,
        String issuedOn,
        String place,
        String topics,
        boolean commentsEnabled,
        List<String> cosignerSlugs,
        List<Signatory> signatories) {

    static final int TITLE_MAX = 300;
    static final int BODY_MAX = 200_000;
    static final int TOPICS_MAX = 10;
    static final int TOPIC_SLUG_MAX = 40;
    static final int TOPIC_LABEL_MAX = 80;
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    /** The checked values. */
    public record Checked(
            String language,
            String title,
            String subtitle,
            String body,
            LocalDate issuedOn,
            DatePrecision issuedPrecision,
            String place,
            List<String> topics,
            boolean commentsEnabled,
            List<String> cosignerSlugs,
            List<Signatory> signatories) {

        Statement.Details details() {
            return new Statement.Details(issuedOn, issuedPrecision, place, topics, commentsEnabled);
        }
    }

    public Checked checked() {
        var lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw new InvalidField("language", "statement.language.invalid");
        }
        var cleanTitle =
                TextChecks.required("title", title, TITLE_MAX, "statement.title.required", "statement.title.too-long");
        var cleanSubtitle = TextChecks.optional("subtitle", subtitle, TITLE_MAX, "statement.subtitle.too-long");
        var cleanBody = body == null ? "" : body.strip();
        if (cleanBody.isEmpty()) {
            throw new InvalidField("body", "statement.body.required");
        }
        if (cleanBody.length() > BODY_MAX) {
            throw new InvalidField("body", "statement.body.too-long", BODY_MAX);
        }
        var monthOnly = issuedOn != null && issuedOn.strip().matches("\\d{4}-\\d{2}");
        var precision = monthOnly ? DatePrecision.MONTH : DatePrecision.DAY;
        var date = FormDates.date(
                "issuedOn", monthOnly ? issuedOn.strip() + "-01" : issuedOn, "statement.issued-on.invalid");
        var cleanPlace = TextChecks.optional("place", place, 200, "statement.place.too-long");
        return new Checked(
                lang,
                cleanTitle,
                cleanSubtitle,
                cleanBody,
                date,
                precision,
                cleanPlace.isEmpty() ? null : cleanPlace,
                topicList(topics),
                commentsEnabled,
                cosignerSlugs == null ? List.of() : cosignerSlugs,
                signatories(signatories));
    }

    /** Topics typed as a comma-separated list become slugs: "Just transition" → just-transition. */
    static List<String> topicList(String typed) {
        var topics = new ArrayList<>(topicLabels(typed).keySet());
        if (topics.size() > TOPICS_MAX) {
            throw new InvalidField("topics", "statement.topics.too-many", TOPICS_MAX);
        }
        return topics;
    }

    /** The topics as the writer wrote them ("Loss and damage"), by their slug (loss-and-damage), in typed order. */
    public Map<String, String> topicLabels() {
        return topicLabels(topics);
    }

    static Map<String, String> topicLabels(String typed) {
        var labels = new LinkedHashMap<String, String>();
        if (typed != null) {
            for (var word : typed.split("[,;،\\n]+")) {
                var label = word.strip().replaceAll("\\s+", " ");
                var slug = Slug.suggest(label, TOPIC_SLUG_MAX);
                if (!slug.isEmpty() && !labels.containsKey(slug)) {
                    labels.put(
                            slug,
                            label.length() > TOPIC_LABEL_MAX
                                    ? label.substring(0, TOPIC_LABEL_MAX).strip()
                                    : label);
                }
            }
        }
        return labels;
    }

    private static List<Signatory> signatories(List<Signatory> typed) {
        var clean = new ArrayList<Signatory>();
        for (var s : typed == null ? List.<Signatory>of() : typed) {
            var name = s.name() == null ? "" : s.name().strip();
            if (name.isEmpty()) {
                continue;
            }
            clean.add(new Signatory(
                    TextChecks.optional("signatories", name, 150, "statement.signatory.too-long"),
                    TextChecks.optional("signatories", s.roleTitle(), 150, "statement.signatory.too-long"),
                    TextChecks.optional("signatories", s.organization(), 150, "statement.signatory.too-long")));
        }
        if (clean.size() > 200) {
            throw new InvalidField("signatories", "statement.signatories.too-many", 200);
        }
        return clean;
    }
}
