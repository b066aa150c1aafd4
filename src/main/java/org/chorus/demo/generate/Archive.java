package org.chorus.demo.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.chorus.demo.generate.Coalition.Org;
import org.chorus.demo.generate.Coalition.Person;
import org.chorus.shared.Slug;

/**
 * The generated statements, without their texts: who issued each, when, in which language, with which topics,
 * translations, co-issuers, signatories and comments, and which republish another. Texts are written later, in
 * parallel, each from its own seed ({@link #text}), so the same seed gives the same archive whatever the threads do.
 */
final class Archive {

    static final List<String> LANGUAGES = List.of("en", "fr", "es", "ar", "de");
    private static final double[] LANGUAGE_SHARES = {0.45, 0.20, 0.18, 0.12, 0.05};
    private static final double[] TRANSLATION_SHARES = {0.40, 0.25, 0.25, 0.07, 0.03};

    /** Drafts, statements in review and retracted ones: a few hundred at 100,000, a few in a small archive. */
    static int drafts(int published) {
        return Math.clamp(published / 600, 5, 150);
    }

    static int inReview(int published) {
        return Math.clamp(published / 1000, 3, 100);
    }

    static int retracted(int published) {
        return Math.clamp(published / 2000, 2, 50);
    }

    static final int YEARS = 6;

    static final List<String> TOPICS = List.of(
            "Just transition",
            "Climate finance",
            "Loss and damage",
            "Adaptation",
            "Energy poverty",
            "Renewable energy",
            "Fossil fuel phase-out",
            "Coal",
            "Oil and gas",
            "Mining",
            "Deforestation",
            "Land rights",
            "Indigenous peoples",
            "Food sovereignty",
            "Water",
            "Oceans",
            "Floods",
            "Drought",
            "Heatwaves",
            "Housing",
            "Evictions",
            "Public transport",
            "Labour rights",
            "Trade unions",
            "Gender justice",
            "Youth",
            "Migration",
            "Human rights defenders",
            "Repression",
            "Elections",
            "Debt cancellation",
            "Tax justice",
            "Trade agreements",
            "Corporate accountability",
            "COP negotiations",
            "Air pollution",
            "Plastic",
            "Health",
            "Education",
            "Digital rights");

    private static final List<String> ROLES =
            List.of("Coordinator", "President", "Secretary General", "Spokesperson", "Director", "Chair", "Organizer");

    /** One statement as planned. Index order is the order of publication (originals and copies mixed). */
    record Planned(
            int index,
            UUID id,
            String slug,
            Org issuer,
            Person writer,
            String language,
            String status,
            Instant createdAt,
            Instant publishedAt,
            LocalDate issuedOn,
            String precision,
            String place,
            List<String> topics,
            boolean commentsEnabled,
            Planned source,
            String introduction,
            String title,
            List<String> translations,
            List<Instant> translatedAt,
            Instant retractedAt,
            String retractionNote,
            long textSeed) {

        boolean copy() {
            return source != null;
        }

        boolean isPublic() {
            return status.equals("PUBLISHED") || status.equals("RETRACTED");
        }

        Instant updatedAt() {
            return retractedAt != null ? retractedAt : publishedAt != null ? publishedAt : createdAt;
        }
    }

    record Cosigner(UUID statement, UUID organization, int position) {}

    record Signatory(UUID statement, int position, String name, String roleTitle, String organization) {}

    record Comment(
            UUID id,
            UUID statement,
            UUID organization,
            UUID parent,
            Person author,
            String body,
            String network,
            Instant createdAt) {}

    /** A text of a statement, rendered: what {@code statement_texts} holds besides what PostgreSQL derives. */
    record Text(
            UUID statement,
            String language,
            String title,
            String subtitle,
            String body,
            String html,
            String plain,
            String translator,
            boolean published,
            Instant updatedAt) {}

    final List<Planned> statements = new ArrayList<>();
    final Map<String, String> topicLabels = new LinkedHashMap<>();
    final List<Cosigner> cosigners = new ArrayList<>();
    final List<Signatory> signatories = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final Instant start;
    final Instant end;

    private final long seed;
    private final Map<String, Prose> prose;
    private final Coalition coalition;
    private final Set<String> slugs;
    private final SplittableRandom random;
    private final Map<String, List<Org>> issuers = new HashMap<>();
    private final Map<String, double[]> issuerWeights = new HashMap<>();
    private final double[] topicWeights;

    /**
     * Plans {@code published} public statements over the {@value #YEARS} years before {@code end} (more in recent
     * years), plus drafts, statements in review and retracted ones. {@code takenSlugs}: statements already stored.
     */
    Archive(
            long seed,
            int published,
            Map<String, Prose> prose,
            Coalition coalition,
            Instant end,
            Set<String> takenSlugs) {
        this.seed = seed;
        this.prose = prose;
        this.coalition = coalition;
        this.end = end;
        this.start = end.atOffset(ZoneOffset.UTC).minusYears(YEARS).toInstant();
        this.slugs = new HashSet<>(takenSlugs);
        this.random = new SplittableRandom(seed ^ 0x73746d74L);
        for (var language : LANGUAGES) {
            var orgs = coalition.organizations.stream()
                    .filter(o -> o.language().equals(language))
                    .toList();
            issuers.put(language, orgs);
            issuerWeights.put(
                    language, cumulative(orgs.stream().mapToDouble(Org::weight).toArray()));
        }
        for (var label : TOPICS) {
            topicLabels.put(Slug.suggest(label, 60), label);
        }
        var weights = new double[TOPICS.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / Math.pow(i + 1, 0.8);
        }
        topicWeights = cumulative(weights);

        var times = new long[published];
        double growth = Math.log(6.0); // the last year sees about six times as many statements as the first
        long span = Duration.between(start, end).getSeconds();
        for (int i = 0; i < published; i++) {
            double u = random.nextDouble();
            double x = Math.log(1 + u * (Math.exp(growth) - 1)) / growth;
            times[i] = start.getEpochSecond() + (long) (x * span);
        }
        Arrays.sort(times);
        for (int i = 0; i < published; i++) {
            var at = Instant.ofEpochSecond(times[i]);
            boolean copy = i > 100 && random.nextInt(100) < 3;
            statements.add(copy ? republication(i, at) : original(i, "PUBLISHED", at));
        }
        int index = published;
        for (int i = 0; i < drafts(published) + inReview(published); i++) {
            var created = end.minusSeconds(random.nextLong(60L * 86_400));
            statements.add(original(index++, i < drafts(published) ? "DRAFT" : "IN_REVIEW", created));
        }
        for (int i = 0; i < retracted(published); i++) {
            var at = Instant.ofEpochSecond(start.getEpochSecond() + random.nextLong(span - 30L * 86_400));
            statements.add(original(index++, "RETRACTED", at));
        }
    }

    private Planned original(int index, String status, Instant at) {
        var language = LANGUAGES.get(pick(cumulative(LANGUAGE_SHARES)));
        var orgs = issuers.get(language);
        var issuer = orgs.get(pick(issuerWeights.get(language)));
        var id = Coalition.uuid(random);
        long textSeed = random.nextLong();
        var title = prose.get(language).title(new SplittableRandom(textSeed));
        boolean isPublic = status.equals("PUBLISHED") || status.equals("RETRACTED");
        var created = isPublic ? at.minusSeconds(3600 + random.nextLong(7L * 86_400)) : at;
        Instant published = isPublic ? at : null;
        LocalDate issuedOn = null;
        String precision = "DAY";
        if (isPublic) {
            issuedOn = at.atZone(issuer.zoneId()).toLocalDate();
            int kind = random.nextInt(100);
            if (kind < 3) {
                issuedOn = issuedOn.withDayOfMonth(1);
                precision = "MONTH";
            } else if (kind < 13) {
                issuedOn = issuedOn.minusDays(1 + random.nextInt(3));
            }
        }
        var place = issuer.country() != null && random.nextInt(100) < 40
                ? Coalition.COUNTRIES.stream()
                        .filter(c -> c.code().equals(issuer.country()))
                        .findFirst()
                        .orElseThrow()
                        .city()
                : null;
        var topics = topics();
        boolean comments = isPublic && random.nextInt(100) < 25;
        var translations = new ArrayList<String>();
        var translatedAt = new ArrayList<Instant>();
        if (status.equals("PUBLISHED") && random.nextInt(100) < 20) {
            int count = random.nextInt(100) < 75 ? 1 : random.nextInt(100) < 80 ? 2 : 3;
            for (int tries = 0; translations.size() < count && tries < 20; tries++) {
                var other = LANGUAGES.get(pick(cumulative(TRANSLATION_SHARES)));
                if (!other.equals(language) && !translations.contains(other)) {
                    translations.add(other);
                    var when = at.plusSeconds(600 + random.nextLong(3L * 86_400));
                    translatedAt.add(when.isAfter(end) ? end : when);
                }
            }
        }
        Instant retractedAt = null;
        String note = null;
        if (status.equals("RETRACTED")) {
            retractedAt = at.plusSeconds(86_400 + random.nextLong(20L * 86_400));
            note = prose.get(language).comment(random);
        }
        var planned = new Planned(
                index,
                id,
                freeSlug(title),
                issuer,
                issuer.owner(),
                language,
                status,
                created,
                published,
                issuedOn,
                precision,
                place,
                topics,
                comments,
                null,
                null,
                title,
                List.copyOf(translations),
                List.copyOf(translatedAt),
                retractedAt,
                note,
                textSeed);
        if (random.nextInt(100) < 15) {
            int count = 1 + random.nextInt(3);
            var chosen = new ArrayList<UUID>();
            for (int tries = 0; chosen.size() < count && tries < 10; tries++) {
                var other = coalition
                        .organizations
                        .get(random.nextInt(coalition.organizations.size()))
                        .id();
                if (!other.equals(issuer.id()) && !chosen.contains(other)) {
                    chosen.add(other);
                }
            }
            for (int position = 0; position < chosen.size(); position++) {
                cosigners.add(new Cosigner(id, chosen.get(position), position));
            }
        }
        if (random.nextInt(100) < 20) {
            int count = 1 + random.nextInt(6);
            for (int position = 0; position < count; position++) {
                var person = coalition.people.get(random.nextInt(coalition.people.size()));
                var org = coalition.organizations.get(random.nextInt(coalition.organizations.size()));
                signatories.add(new Signatory(
                        id, position, person.name(), ROLES.get(random.nextInt(ROLES.size())), org.name()));
            }
        }
        if (comments && random.nextInt(100) < 40) {
            addComments(planned);
        }
        return planned;
    }

    private Planned republication(int index, Instant at) {
        Planned source = null;
        for (int tries = 0; source == null || source.copy(); tries++) {
            source = statements.get(Math.max(0, index - 1 - random.nextInt(Math.min(index, 3000))));
            if (tries > 50) {
                return original(index, "PUBLISHED", at);
            }
        }
        var original = source;
        Org republisher;
        do {
            republisher = coalition.organizations.get(random.nextInt(coalition.organizations.size()));
        } while (republisher.id().equals(original.issuer().id()));
        var introduction =
                random.nextInt(100) < 40 ? prose.get(republisher.language()).comment(random) : null;
        return new Planned(
                index,
                Coalition.uuid(random),
                freeSlug(original.title()),
                republisher,
                republisher.owner(),
                original.language(),
                "PUBLISHED",
                at,
                at,
                original.issuedOn(),
                original.precision(),
                original.place(),
                original.topics(),
                false,
                original,
                introduction,
                original.title(),
                List.of(),
                List.of(),
                null,
                null,
                original.textSeed());
    }

    private void addComments(Planned statement) {
        int count = 1 + random.nextInt(6);
        var topLevel = new ArrayList<Comment>();
        var at = statement.publishedAt();
        for (int i = 0; i < count; i++) {
            at = at.plusSeconds(600 + random.nextLong(2L * 86_400));
            if (at.isAfter(end)) {
                return;
            }
            var author = coalition.commenters.get(random.nextInt(coalition.commenters.size()));
            var parent = !topLevel.isEmpty() && random.nextInt(4) == 0
                    ? topLevel.get(random.nextInt(topLevel.size())).id()
                    : null;
            var comment = new Comment(
                    Coalition.uuid(random),
                    statement.id(),
                    statement.issuer().id(),
                    parent,
                    author,
                    prose.get(statement.language()).comment(random),
                    "%016x%016x%016x%016x"
                            .formatted(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()),
                    at);
            comments.add(comment);
            if (parent == null) {
                topLevel.add(comment);
            }
        }
    }

    private List<String> topics() {
        int roll = random.nextInt(100);
        int count = roll < 15 ? 0 : roll < 55 ? 1 : roll < 85 ? 2 : 3;
        var chosen = new ArrayList<String>();
        var slugs = new ArrayList<>(topicLabels.keySet());
        for (int tries = 0; chosen.size() < count && tries < 20; tries++) {
            var slug = slugs.get(pick(topicWeights));
            if (!chosen.contains(slug)) {
                chosen.add(slug);
            }
        }
        return List.copyOf(chosen);
    }

    /**
     * The texts of a statement that is not a copy (copies take their original's, as {@code followOriginal} gives
     * them): the original, then each translation, rendered as the application renders them.
     */
    List<Text> texts(Planned statement) {
        var texts = new ArrayList<Text>(1 + statement.translations().size());
        boolean published = statement.isPublic();
        texts.add(text(statement, statement.language(), statement.title(), null, published, statement.createdAt()));
        for (int i = 0; i < statement.translations().size(); i++) {
            var language = statement.translations().get(i);
            var random = new SplittableRandom(statement.textSeed() ^ (0x9e3779b97f4a7c15L * (i + 2)));
            var title = prose.get(language).title(random);
            var translator = random.nextInt(2) == 0
                    ? prose.get(language).name(random) + " "
                            + prose.get(language).name(random)
                    : null;
            texts.add(text(
                    statement,
                    language,
                    title,
                    translator,
                    true,
                    statement.translatedAt().get(i)));
        }
        return texts;
    }

    private Text text(
            Planned statement, String language, String title, String translator, boolean published, Instant at) {
        var random = new SplittableRandom(statement.textSeed() ^ language.hashCode() * 0x2545f4914f6cdd1dL);
        var words = prose.get(language);
        var subtitle = random.nextInt(100) < 30 ? words.subtitle(random) : "";
        var body = words.body(random);
        var html = org.chorus.shared.markdown.Markdown.render(body);
        return new Text(
                statement.id(),
                language,
                title,
                subtitle,
                body,
                html.html(),
                html.plainText(),
                translator,
                published,
                at);
    }

    private String freeSlug(String title) {
        var base = Slug.suggest(title, 70);
        if (base.isEmpty() || !Slug.isValid(base)) {
            base = "statement-" + Long.toHexString(random.nextLong()).substring(0, 8);
        }
        var candidate = base;
        for (int n = 2; !slugs.add(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private int pick(double[] cumulative) {
        var target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return Math.min(index < 0 ? -index - 1 : index, cumulative.length - 1);
    }

    private static double[] cumulative(double[] weights) {
        var sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        return sums;
    }

    long seed() {
        return seed;
    }
}
