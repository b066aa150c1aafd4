package org.chorus.signons;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.chorus.shared.SecretToken;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.statements.StatementId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ons for the demo ({@code bin/chorus dev}): organizations and people across many countries, confirmed and listed
 * as if each had followed their link, stored as signing stores them (sealed data, blind index), so the statement page,
 * the public list and the organizers' view have something to show. Addresses are at example.org.
 */
@Service
public class DemoSignOns {

    static final List<String> COUNTRIES = List.of(
            "KE", "SN", "NG", "ZA", "GH", "BR", "MX", "AR", "CO", "PE", "FR", "DE", "BE", "ES", "IT", "GB", "PH", "IN",
            "BD", "ID", "LB", "EG", "MA", "TN", "US", "CA", "JP", "AU", "FJ", "NZ", "CL", "BO");
    static final List<String> KINDS_OF_GROUP = List.of(
            "Climate Action Network",
            "Tenants Union",
            "Youth for Climate",
            "Fishers Cooperative",
            "Farmers Alliance",
            "Women's Collective",
            "Transport Workers",
            "Community Energy",
            "Water Defenders",
            "Housing Rights Group");
    static final List<String> FIRST = List.of(
            "Amina", "Lucas", "Sofía", "Kwame", "Maya", "Omar", "Ana", "Jonas", "Priya", "Léa", "Tomás", "Nadia",
            "Ikaika", "Chen", "Fatou", "Diego");
    static final List<String> LAST = List.of(
            "Diallo", "Silva", "García", "Mensah", "Khan", "Haddad", "Lima", "Weber", "Nair", "Martin", "Rossi",
            "Okafor", "Santos", "Dubois");

    private final SignOns signOns;
    private final PersonalData personalData;
    private final Clock clock;

    DemoSignOns(SignOns signOns, PersonalData personalData, Clock clock) {
        this.signOns = signOns;
        this.personalData = personalData;
        this.clock = clock;
    }

    /**
     * Adds {@code organizations} listed organizations and {@code people} listed people (two in three named) to a
     * statement open for sign-on, plus a few waiting for approval, signed over the past days.
     */
    @Transactional
    public void seed(StatementId statement, int organizations, int people) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < organizations + 3; i++) {
            var country = COUNTRIES.get(i % COUNTRIES.size());
            var name = KINDS_OF_GROUP.get(i % KINDS_OF_GROUP.size()) + " " + country + "-" + (i / COUNTRIES.size() + 1);
            var status = i < organizations ? SignOnStatus.APPROVED : SignOnStatus.CONFIRMED;
            store(
                    statement,
                    SignOnKind.ORGANIZATION,
                    status,
                    name,
                    country,
                    now.minus(Duration.ofMinutes(7L * (organizations + 3 - i))),
                    i);
        }
        for (int i = 0; i < people; i++) {
            var name = FIRST.get(i % FIRST.size()) + " " + LAST.get((i / FIRST.size() + i) % LAST.size());
            store(
                    statement,
                    SignOnKind.PERSON,
                    SignOnStatus.APPROVED,
                    name,
                    COUNTRIES.get((i * 7) % COUNTRIES.size()),
                    now.minus(Duration.ofMinutes(3L * (people - i))),
                    i);
        }
    }

    private void store(
            StatementId statement,
            SignOnKind kind,
            SignOnStatus status,
            String name,
            String country,
            java.time.Instant at,
            int number) {
        boolean person = kind == SignOnKind.PERSON;
        boolean named = !person || number % 3 != 0;
        var email = (person ? "signer" : "contact") + number + "-"
                + statement.value().toString().substring(0, 8) + "@example.org";
        var signOn = new SignOn(
                SignOnId.random(),
                statement,
                kind,
                status,
                country,
                named ? name : null,
                person && named && number % 2 == 0
                        ? "Member, " + KINDS_OF_GROUP.get(number % KINDS_OF_GROUP.size())
                        : null,
                null,
                person
                        ? null
                        : "https://" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                                + ".example.org",
                person ? null : "A member organization of the coalition in " + country + ".",
                named,
                person ? null : Signer.organizationKey(name, country, null),
                null,
                null,
                "en",
                at,
                at.plus(Duration.ofMinutes(2)),
                null);
        signOns.insert(
                signOn,
                personalData.seal(new Signer(email, name, null, null).toJson(), Signer.COLUMN),
                personalData.index(Signer.canonicalEmail(email), Signer.EMAIL_INDEX),
                "demo",
                SecretToken.generate().hash(),
                SecretToken.generate().hash());
    }
}
