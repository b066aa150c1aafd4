package org.chorus.demo.generate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.chorus.shared.Slug;

/**
 * The generated coalition: a league with commissions, a regional chapter per country (60 countries, each with its
 * time zone and language) and about 400 member and allied organizations below the chapters, each with an owner.
 */
final class Coalition {

    /** The league's website marks a database that holds generated data, so a second run refuses. */
    static final String MARK = "https://league.generated.chorus.example";

    static final String EMAIL_DOMAIN = "generated.chorus.example";

    record Country(String code, String language, String zone, String name, String city) {}

    record Org(
            UUID id,
            String slug,
            String name,
            String kind,
            UUID parent,
            String country,
            String language,
            List<String> languages,
            String zone,
            String description,
            String website,
            Instant createdAt,
            Person owner,
            double weight) {

        ZoneId zoneId() {
            return ZoneId.of(zone);
        }
    }

    record Person(UUID id, String email, String name, String language, Instant createdAt) {}

    static final List<Country> COUNTRIES = List.of(
            new Country("US", "en", "America/New_York", "United States", "Washington"),
            new Country("GB", "en", "Europe/London", "United Kingdom", "London"),
            new Country("IE", "en", "Europe/Dublin", "Ireland", "Dublin"),
            new Country("SE", "en", "Europe/Stockholm", "Sweden", "Stockholm"),
            new Country("KE", "en", "Africa/Nairobi", "Kenya", "Nairobi"),
            new Country("NG", "en", "Africa/Lagos", "Nigeria", "Lagos"),
            new Country("GH", "en", "Africa/Accra", "Ghana", "Accra"),
            new Country("ZA", "en", "Africa/Johannesburg", "South Africa", "Johannesburg"),
            new Country("UG", "en", "Africa/Kampala", "Uganda", "Kampala"),
            new Country("TZ", "en", "Africa/Dar_es_Salaam", "Tanzania", "Dar es Salaam"),
            new Country("ZM", "en", "Africa/Lusaka", "Zambia", "Lusaka"),
            new Country("IN", "en", "Asia/Kolkata", "India", "New Delhi"),
            new Country("PK", "en", "Asia/Karachi", "Pakistan", "Karachi"),
            new Country("BD", "en", "Asia/Dhaka", "Bangladesh", "Dhaka"),
            new Country("PH", "en", "Asia/Manila", "Philippines", "Manila"),
            new Country("MY", "en", "Asia/Kuala_Lumpur", "Malaysia", "Kuala Lumpur"),
            new Country("ID", "en", "Asia/Jakarta", "Indonesia", "Jakarta"),
            new Country("NP", "en", "Asia/Kathmandu", "Nepal", "Kathmandu"),
            new Country("LK", "en", "Asia/Colombo", "Sri Lanka", "Colombo"),
            new Country("AU", "en", "Australia/Sydney", "Australia", "Sydney"),
            new Country("NZ", "en", "Pacific/Auckland", "New Zealand", "Wellington"),
            new Country("FJ", "en", "Pacific/Fiji", "Fiji", "Suva"),
            new Country("CA", "en", "America/Toronto", "Canada", "Toronto"),
            new Country("JM", "en", "America/Jamaica", "Jamaica", "Kingston"),
            new Country("FR", "fr", "Europe/Paris", "France", "Paris"),
            new Country("BE", "fr", "Europe/Brussels", "Belgique", "Bruxelles"),
            new Country("SN", "fr", "Africa/Dakar", "Sénégal", "Dakar"),
            new Country("CI", "fr", "Africa/Abidjan", "Côte d'Ivoire", "Abidjan"),
            new Country("ML", "fr", "Africa/Bamako", "Mali", "Bamako"),
            new Country("BF", "fr", "Africa/Ouagadougou", "Burkina Faso", "Ouagadougou"),
            new Country("CM", "fr", "Africa/Douala", "Cameroun", "Yaoundé"),
            new Country("CD", "fr", "Africa/Kinshasa", "RD Congo", "Kinshasa"),
            new Country("HT", "fr", "America/Port-au-Prince", "Haïti", "Port-au-Prince"),
            new Country("MG", "fr", "Indian/Antananarivo", "Madagascar", "Antananarivo"),
            new Country("BJ", "fr", "Africa/Porto-Novo", "Bénin", "Cotonou"),
            new Country("NE", "fr", "Africa/Niamey", "Niger", "Niamey"),
            new Country("ES", "es", "Europe/Madrid", "España", "Madrid"),
            new Country("MX", "es", "America/Mexico_City", "México", "Ciudad de México"),
            new Country("AR", "es", "America/Argentina/Buenos_Aires", "Argentina", "Buenos Aires"),
            new Country("CO", "es", "America/Bogota", "Colombia", "Bogotá"),
            new Country("CL", "es", "America/Santiago", "Chile", "Santiago"),
            new Country("PE", "es", "America/Lima", "Perú", "Lima"),
            new Country("BO", "es", "America/La_Paz", "Bolivia", "La Paz"),
            new Country("EC", "es", "America/Guayaquil", "Ecuador", "Quito"),
            new Country("GT", "es", "America/Guatemala", "Guatemala", "Ciudad de Guatemala"),
            new Country("HN", "es", "America/Tegucigalpa", "Honduras", "Tegucigalpa"),
            new Country("UY", "es", "America/Montevideo", "Uruguay", "Montevideo"),
            new Country("PY", "es", "America/Asuncion", "Paraguay", "Asunción"),
            new Country("EG", "ar", "Africa/Cairo", "مصر", "القاهرة"),
            new Country("MA", "ar", "Africa/Casablanca", "المغرب", "الرباط"),
            new Country("TN", "ar", "Africa/Tunis", "تونس", "تونس"),
            new Country("DZ", "ar", "Africa/Algiers", "الجزائر", "الجزائر"),
            new Country("JO", "ar", "Asia/Amman", "الأردن", "عمّان"),
            new Country("LB", "ar", "Asia/Beirut", "لبنان", "بيروت"),
            new Country("PS", "ar", "Asia/Gaza", "فلسطين", "رام الله"),
            new Country("IQ", "ar", "Asia/Baghdad", "العراق", "بغداد"),
            new Country("SD", "ar", "Africa/Khartoum", "السودان", "الخرطوم"),
            new Country("DE", "de", "Europe/Berlin", "Deutschland", "Berlin"),
            new Country("AT", "de", "Europe/Vienna", "Österreich", "Wien"),
            new Country("CH", "de", "Europe/Zurich", "Schweiz", "Bern"));

    static final List<String> COMMISSIONS = List.of(
            "Just Transition",
            "Climate Finance",
            "Housing and Land",
            "Labour Rights",
            "Gender Justice",
            "Food Sovereignty",
            "Water and Oceans",
            "Energy Democracy",
            "Migration and Displacement",
            "Digital Rights");

    /** Words organizations of each language are named with, around two generated words. */
    private static final Map<String, List<String>> FORMS = Map.of(
            "en", List.of("%s %s Network", "%s %s Alliance", "%s Workers Union", "%s %s Collective", "Friends of %s"),
            "fr", List.of("Réseau %s %s", "Collectif %s", "Association %s %s", "Union %s", "Mouvement %s %s"),
            "es", List.of("Red %s %s", "Colectivo %s", "Asociación %s %s", "Unión %s", "Movimiento %s %s"),
            "ar", List.of("شبكة %s %s", "جمعية %s", "اتحاد %s %s", "حركة %s", "تجمع %s %s"),
            "de", List.of("Netzwerk %s %s", "Bündnis %s", "Verein %s %s", "Initiative %s", "Forum %s %s"));

    static final Map<String, List<String>> GIVEN_NAMES = Map.of(
            "en", List.of("Amina", "James", "Grace", "David", "Priya", "Samuel", "Joy", "Daniel", "Mary", "Kofi"),
            "fr",
                    List.of(
                            "Aïssatou",
                            "Jean",
                            "Marie",
                            "Moussa",
                            "Claire",
                            "Ibrahima",
                            "Sophie",
                            "Luc",
                            "Fatou",
                            "Paul"),
            "es", List.of("María", "José", "Lucía", "Carlos", "Ana", "Diego", "Sofía", "Juan", "Elena", "Luis"),
            "ar", List.of("فاطمة", "محمد", "ليلى", "أحمد", "مريم", "يوسف", "سارة", "علي", "نور", "خالد"),
            "de", List.of("Anna", "Lukas", "Lena", "Jonas", "Marie", "Felix", "Laura", "Paul", "Sophie", "Max"));

    static final int MEMBERS = 400;

    final List<Org> organizations = new ArrayList<>();
    final List<Person> people = new ArrayList<>();
    final List<Person> commenters = new ArrayList<>();
    private final Map<String, Prose> prose;
    private final SplittableRandom random;
    private final Set<String> slugs;

    /**
     * Builds the tree. {@code takenSlugs} are the organizations already in the database, whose addresses stay theirs.
     */
    Coalition(Map<String, Prose> prose, long seed, Instant start, Set<String> takenSlugs) {
        this.prose = prose;
        this.random = new SplittableRandom(seed ^ 0x6f72676eL);
        this.slugs = new HashSet<>(takenSlugs);
        var league = add(
                "International League for Climate and Social Justice",
                "COALITION",
                null,
                null,
                "en",
                List.of("en", "fr", "es", "ar"),
                "UTC",
                "A league of climate, housing and labour organizations in sixty countries. We publish joint statements, "
                        + "coordinate days of action and support each other's campaigns.",
                MARK,
                start,
                1.5);
        for (var commission : COMMISSIONS) {
            add(
                    "Commission on " + commission,
                    "COMMISSION",
                    league,
                    null,
                    "en",
                    List.of("en", "fr", "es"),
                    "UTC",
                    "The league's working group on " + commission.toLowerCase(java.util.Locale.ROOT) + ".",
                    null,
                    start.plusSeconds(86_400L * (1 + random.nextInt(60))),
                    0.6);
        }
        var chapters = new ArrayList<Org>();
        for (var country : COUNTRIES) {
            chapters.add(add(
                    chapterName(country),
                    "CHAPTER",
                    league,
                    country.code(),
                    country.language(),
                    country.language().equals("en") ? List.of("en") : List.of(country.language(), "en"),
                    country.zone(),
                    "",
                    null,
                    start.plusSeconds(86_400L * (30 + random.nextInt(200))),
                    0.8));
        }
        var shares = Map.of("en", 0.45, "fr", 0.20, "es", 0.18, "ar", 0.12, "de", 0.05);
        for (var language : List.of("en", "fr", "es", "ar", "de")) {
            var ofLanguage =
                    chapters.stream().filter(c -> c.language().equals(language)).toList();
            int count = (int) Math.round(MEMBERS * shares.get(language));
            for (int i = 0; i < count; i++) {
                var chapter = ofLanguage.get(i % ofLanguage.size());
                var country = COUNTRIES.stream()
                        .filter(c -> c.code().equals(chapter.country()))
                        .findFirst()
                        .orElseThrow();
                var forms = FORMS.get(language);
                var words = prose.get(language);
                var name = forms.get(random.nextInt(forms.size())).formatted(words.name(random), words.name(random));
                boolean allied = random.nextInt(100) < 15;
                // a few organizations write most statements, as in real coalitions
                double weight = 1.0 / Math.pow(1 + random.nextInt(count), 0.7);
                add(
                        name,
                        allied ? "ALLIED" : "MEMBER",
                        chapter,
                        country.code(),
                        language,
                        random.nextInt(4) == 0 && !language.equals("en") ? List.of(language, "en") : List.of(language),
                        country.zone(),
                        words.subtitle(random),
                        random.nextInt(3) == 0 ? "https://" + Slug.suggest(name, 40) + ".example.org" : null,
                        start.plusSeconds(86_400L * (60 + random.nextInt(700))),
                        weight);
            }
        }
        for (int i = 0; i < 400; i++) {
            var language =
                    List.of("en", "en", "en", "fr", "es", "es", "ar", "de").get(random.nextInt(8));
            person(language, start.plusSeconds(86_400L * random.nextInt(2000)), commenters);
        }
    }

    private static String chapterName(Country country) {
        return switch (country.language()) {
            case "fr" -> "Chapitre " + country.name();
            case "es" -> "Capítulo " + country.name();
            case "ar" -> "فرع " + country.name();
            case "de" -> "Sektion " + country.name();
            default -> country.name() + " Chapter";
        };
    }

    private Org add(
            String name,
            String kind,
            Org parent,
            String country,
            String language,
            List<String> languages,
            String zone,
            String description,
            String website,
            Instant createdAt,
            double weight) {
        var owner = person(language, createdAt, people);
        var org = new Org(
                uuid(random),
                freeSlug(name),
                name,
                kind,
                parent == null ? null : parent.id(),
                country,
                language,
                languages,
                zone,
                description,
                website,
                createdAt,
                owner,
                weight);
        organizations.add(org);
        return org;
    }

    private Person person(String language, Instant createdAt, List<Person> into) {
        var given = GIVEN_NAMES.get(language);
        var name = given.get(random.nextInt(given.size())) + " "
                + prose.get(language).name(random);
        int number = people.size() + commenters.size() + 1;
        var person = new Person(uuid(random), "person" + number + "@" + EMAIL_DOMAIN, name, language, createdAt);
        into.add(person);
        return person;
    }

    private String freeSlug(String name) {
        var base = Slug.suggest(name);
        if (base.isEmpty()) {
            base = "organization";
        }
        var candidate = base;
        for (int n = 2; !slugs.add(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    static UUID uuid(SplittableRandom random) {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
