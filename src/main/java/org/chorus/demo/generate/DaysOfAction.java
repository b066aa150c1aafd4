package org.chorus.demo.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.chorus.campaigns.ActionKind;
import org.chorus.places.City;

/**
 * A campaign of the generated league at scale (issue 15), planned in memory from a seed: a published fortnight with
 * two international days of action around the day it is generated for, and however many local actions are asked for,
 * in every country the gazetteer knows (one at least in each, the rest in its cities weighted by population, each in
 * its city's time zone), most on the two days of action; a twentieth wait for the organizers, many from new hosts, and
 * a few are rejected, cancelled or flagship. The same seed, count, cities and day give the same plan.
 */
final class DaysOfAction {

    /** The generated campaign's address: its presence means actions were generated already. */
    static final String SLUG = "generated-days-of-action";

    /** An action as the {@code actions} table holds it. */
    record Planned(
            UUID id,
            Coalition.Person host,
            ActionKind kind,
            String title,
            String description,
            ZonedDateTime start,
            ZonedDateTime end,
            String onlineUrl,
            String venue,
            String address,
            City city,
            double latitude,
            double longitude,
            boolean approximate,
            String status,
            String rejectionReason,
            boolean cancelled,
            boolean flagship,
            boolean newHost,
            Instant createdAt) {

        double mapLatitude() {
            return approximate ? city.latitude() : latitude;
        }

        double mapLongitude() {
            return approximate ? city.longitude() : longitude;
        }
    }

    final UUID campaign;
    final LocalDate startsOn;
    final LocalDate endsOn;
    final List<LocalDate> daysOfAction;
    final Instant publishedAt;
    final List<Coalition.Person> hosts = new ArrayList<>();
    final List<Planned> actions = new ArrayList<>();

    private final SplittableRandom random;
    private final Map<String, Prose> prose;
    private int approvedSoFar;

    /**
     * One approved action in this many is flagship, the first one included: about a hundred at 100,000, under the
     * campaign's limit ({@code ModeratingActions.MOST_FLAGSHIP}), as organizers single out a few (decision 0041).
     */
    static final int ONE_FLAGSHIP_IN = 1_000;

    static int pending(int actions) {
        return actions / 20;
    }

    static int rejected(int actions) {
        return actions / 200;
    }

    /**
     * Plans {@code count} actions over {@code cities} (the gazetteer's largest of each country), the campaign's window
     * from ten days before {@code today} to ten days after, its days of action two and three days after.
     */
    DaysOfAction(long seed, int count, LocalDate today, List<City> cities, Map<String, Prose> prose) {
        this.random = new SplittableRandom(seed ^ 0x64617973L);
        this.prose = prose;
        this.campaign = Coalition.uuid(random);
        this.startsOn = today.minusDays(10);
        this.endsOn = today.plusDays(10);
        this.daysOfAction = List.of(today.plusDays(2), today.plusDays(3));
        this.publishedAt = startsOn.minusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant();
        var now = today.atStartOfDay(ZoneOffset.UTC).toInstant();

        var places = places(count, cities);
        int pending = pending(count);
        int rejected = rejected(count);
        // trusted hosts hold about five actions each; most waiting actions come from people new to the campaign
        var regulars = hosts(Math.max(1, (count - pending - rejected) / 5), now);
        var newcomers = hosts(Math.max(1, (pending + rejected) * 7 / 10), now);
        for (int i = 0; i < count; i++) {
            String status;
            Coalition.Person host;
            Instant created;
            if (i < pending + rejected) {
                status = i < pending ? "PENDING" : "REJECTED";
                var fresh = random.nextInt(10) < 7;
                host = fresh ? pick(newcomers) : pick(regulars);
                // the flood of the last three days before the days of action
                created = now.minusSeconds(random.nextLong(3 * 86_400L));
            } else {
                status = "APPROVED";
                host = pick(regulars);
                created = publishedAt.plusSeconds(random.nextLong(now.getEpochSecond() - publishedAt.getEpochSecond()));
            }
            actions.add(action(host, places[i], status, created));
        }
        actions.sort(java.util.Comparator.comparing(Planned::createdAt).thenComparing(Planned::id));
        markNewHosts();
    }

    /**
     * Where each action is: one in each country's largest city first, so every country has one, then cities drawn by
     * population; shuffled, so which action waits or is rejected does not depend on where it is.
     */
    private City[] places(int count, List<City> cities) {
        var chosen = new City[count];
        var countries = new HashSet<String>();
        int n = 0;
        for (var city : cities) {
            if (n < count && countries.add(city.countryCode())) {
                chosen[n++] = city;
            }
        }
        var cumulative = new double[cities.size()];
        double total = 0;
        for (int i = 0; i < cities.size(); i++) {
            total += Math.max(1, cities.get(i).population());
            cumulative[i] = total;
        }
        while (n < count) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            chosen[n++] = cities.get(Math.min(at < 0 ? -at - 1 : at, cities.size() - 1));
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            var swap = chosen[i];
            chosen[i] = chosen[j];
            chosen[j] = swap;
        }
        return chosen;
    }

    private static final List<String> LANGUAGES = List.of("en", "en", "en", "en", "en", "fr", "fr", "es", "es", "ar");

    private List<Coalition.Person> hosts(int count, Instant now) {
        var made = new ArrayList<Coalition.Person>(count);
        for (int i = 0; i < count; i++) {
            var language = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            var given = Coalition.GIVEN_NAMES.get(language);
            var name = given.get(random.nextInt(given.size())) + " "
                    + prose.get(language).name(random);
            var host = new Coalition.Person(
                    Coalition.uuid(random),
                    "host" + (hosts.size() + 1) + "@" + Coalition.EMAIL_DOMAIN,
                    name,
                    language,
                    now.minusSeconds(86_400L * 60 + random.nextLong(86_400L * 700)));
            hosts.add(host);
            made.add(host);
        }
        return made;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static final Map<ActionKind, List<String>> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put(
                ActionKind.PROTEST,
                List.of(
                        "Rally for climate justice in %s",
                        "March for a just transition in %s", "Protest at the ministry in %s", "Climate strike in %s"));
        TITLES.put(
                ActionKind.EDUCATIONAL,
                List.of(
                        "Teach-in on climate finance in %s",
                        "Workshop: a just transition for %s", "Public reading in %s"));
        TITLES.put(ActionKind.LETTER, List.of("Letter-writing evening in %s", "Writing to our government from %s"));
        TITLES.put(ActionKind.ONLINE, List.of("Online teach-in from %s", "Webinar: climate debt, seen from %s"));
        TITLES.put(ActionKind.OTHER, List.of("Bike ride for clean air in %s", "Community garden day in %s"));
    }

    private static final List<String> VENUES =
            List.of("City hall square", "Central park", "Public library", "Union hall", "University campus", "Market");

    private Planned action(Coalition.Person host, City city, String status, Instant created) {
        int roll = random.nextInt(100);
        var kind = roll < 40
                ? ActionKind.PROTEST
                : roll < 60
                        ? ActionKind.EDUCATIONAL
                        : roll < 75 ? ActionKind.LETTER : roll < 90 ? ActionKind.ONLINE : ActionKind.OTHER;
        var templates = TITLES.get(kind);
        var title = templates.get(random.nextInt(templates.size())).formatted(city.name());
        // most on the two days of action, the others anywhere in the window
        var window = (int) (endsOn.toEpochDay() - startsOn.toEpochDay()) + 1;
        var day = random.nextInt(10) < 6 ? pick(daysOfAction) : startsOn.plusDays(random.nextInt(window));
        var zone = city.timeZone();
        var start = at(day, LocalTime.of(9, 0).plusMinutes(30L * random.nextInt(22)), zone);
        var end = start.plusMinutes(60L + 30L * random.nextInt(5));
        var online = kind == ActionKind.ONLINE;
        // the pin near the city's centre, spread further in larger cities
        var spread = Math.clamp(0.02 * Math.sqrt(Math.max(city.population(), 1) / 1_000_000.0), 0.005, 0.08);
        var latitude = Math.clamp(city.latitude() + random.nextGaussian() * spread, -90, 90);
        var longitude = Math.clamp(city.longitude() + random.nextGaussian() * spread, -180, 180);
        var venue = pick(VENUES);
        var description = "Join us at the **" + venue.toLowerCase(java.util.Locale.ROOT) + "** in " + city.name()
                + " for the international days of action.\n\n" + prose.get("en").title(random) + ".";
        var approved = status.equals("APPROVED");
        return new Planned(
                Coalition.uuid(random),
                host,
                kind,
                title,
                description,
                start,
                end,
                online ? "https://meet.example.org/" + Long.toString(random.nextLong() >>> 1, 36) : null,
                online ? null : venue,
                online ? null : (1 + random.nextInt(200)) + " Main Street",
                online ? null : city,
                latitude,
                longitude,
                !online && random.nextInt(10) == 0,
                status,
                status.equals("REJECTED") ? "This is not an action of this campaign." : null,
                approved && approvedSoFar++ % ONE_FLAGSHIP_IN == 0,
                approved && random.nextInt(1000) < 20,
                false,
                created);
    }

    /** The local time on that day in the zone, as the application keeps it (a time in a gap moves on, as Java does). */
    private static ZonedDateTime at(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.ofLocal(day.atTime(time), zone, null);
    }

    /** A host is new when none of their actions had been approved by the time one arrived (in order of arrival). */
    private void markNewHosts() {
        var approvedHosts = new HashSet<UUID>();
        for (int i = 0; i < actions.size(); i++) {
            var a = actions.get(i);
            var fresh = !approvedHosts.contains(a.host().id());
            if (a.status().equals("APPROVED")) {
                approvedHosts.add(a.host().id());
            }
            if (fresh) {
                actions.set(
                        i,
                        new Planned(
                                a.id(),
                                a.host(),
                                a.kind(),
                                a.title(),
                                a.description(),
                                a.start(),
                                a.end(),
                                a.onlineUrl(),
                                a.venue(),
                                a.address(),
                                a.city(),
                                a.latitude(),
                                a.longitude(),
                                a.approximate(),
                                a.status(),
                                a.rejectionReason(),
                                a.cancelled(),
                                a.flagship(),
                                true,
                                a.createdAt()));
            }
        }
    }
}
