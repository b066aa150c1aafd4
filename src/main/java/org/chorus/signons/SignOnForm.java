package org.chorus.signons;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;

/**
 * What a person or an organization writes in the sign-on form. For an organization, {@code name} is the
 * organization's and {@code contactPerson} the person to write to; for a person, {@code name} is theirs.
 *
 * @param showName a person agrees to be listed by name (with affiliation and title)
 * @param keepInformedBy ids of the organizations whose box was ticked ("keep me informed by …"), as the form sends them
 */
public record SignOnForm(
        SignOnKind kind,
        String name,
        String email,
        String country,
        String affiliation,
        String title,
        String website,
        String description,
        String contactPerson,
        boolean showName,
        List<String> keepInformedBy,
        List<String> answers) {

    public static final int NAME_MAX = 200;
    public static final int WEBSITE_MAX = 300;
    public static final int DESCRIPTION_MAX = 500;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public SignOnForm {
        keepInformedBy = keepInformedBy == null ? List.of() : List.copyOf(keepInformedBy);
        answers = answers == null
                ? List.of()
                : answers.stream().map(a -> a == null ? "" : a).toList();
    }

    /** A form without answers to questions. */
    public SignOnForm(
            SignOnKind kind,
            String name,
            String email,
            String country,
            String affiliation,
            String title,
            String website,
            String description,
            String contactPerson,
            boolean showName,
            List<String> keepInformedBy) {
        this(
                kind,
                name,
                email,
                country,
                affiliation,
                title,
                website,
                description,
                contactPerson,
                showName,
                keepInformedBy,
                List.of());
    }

    /** This form with these answers to the organizers' questions. */
    public SignOnForm answering(List<String> given) {
        return new SignOnForm(
                kind,
                name,
                email,
                country,
                affiliation,
                title,
                website,
                description,
                contactPerson,
                showName,
                keepInformedBy,
                given);
    }

    /** The answer given to question {@code index}, or nothing. */
    public String answer(int index) {
        return index < answers.size() ? answers.get(index) : "";
    }

    /** An empty form of a kind, as first shown. */
    public static SignOnForm empty(SignOnKind kind) {
        return new SignOnForm(kind, "", "", "", "", "", "", "", "", false, List.of());
    }

    /** The form's fields cleaned, or every broken one at once. */
    SignOnForm checked() {
        return checked(List.of());
    }

    /** The form's fields and its answers to these questions cleaned, or every broken one at once. */
    SignOnForm checked(List<SignOnQuestion> questions) {
        var checks = new FieldChecks();
        boolean organization = kind == SignOnKind.ORGANIZATION;
        var cleanName = checks.check(() -> required("name", name, "signons.name.required"));
        var cleanEmail = checks.check(() -> {
            try {
                return EmailAddress.check(email);
            } catch (DomainException e) {
                throw new InvalidField("email", "signons.email.invalid");
            }
        });
        var cleanCountry = checks.check(() -> {
            var code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(code)) {
                throw new InvalidField("country", "signons.country.invalid");
            }
            return code;
        });
        var cleanContact = organization
                ? checks.check(() -> required("contactPerson", contactPerson, "signons.contact.required"))
                : null;
        var cleanWebsite = organization ? checks.check(() -> website(website)) : null;
        var cleanDescription =
                organization ? checks.check(() -> optional("description", description, DESCRIPTION_MAX)) : null;
        var cleanAffiliation = organization ? null : checks.check(() -> optional("affiliation", affiliation, NAME_MAX));
        var cleanTitle = organization ? null : checks.check(() -> optional("title", title, NAME_MAX));
        var cleanAnswers = checks.check(() -> SignOnQuestion.answers(questions, answers));
        checks.done();
        return new SignOnForm(
                kind,
                cleanName,
                cleanEmail,
                cleanCountry,
                cleanAffiliation,
                cleanTitle,
                cleanWebsite,
                cleanDescription,
                cleanContact,
                !organization && showName,
                keepInformedBy,
                cleanAnswers);
    }

    /** The ticked organizations among those the signer may choose from; anything else sent is ignored. */
    List<OrganizationId> consents(List<OrganizationId> offered) {
        return consents(keepInformedBy, offered);
    }

    /** The ticked organizations ({@code keepInformedBy}, ids as a form sends them) among those offered. */
    static List<OrganizationId> consents(List<String> keepInformedBy, List<OrganizationId> offered) {
        if (keepInformedBy == null) {
            return List.of();
        }
        return keepInformedBy.stream()
                .map(SignOnForm::uuid)
                .filter(Objects::nonNull)
                .map(OrganizationId::new)
                .filter(offered::contains)
                .distinct()
                .toList();
    }

    /** Never the personal fields, whatever logs a form. */
    @Override
    public String toString() {
        return "SignOnForm[" + kind + ", hidden]";
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A required name-like field, cleaned of control characters, at most {@link #NAME_MAX} long. */
    static String required(String field, String value, String key) {
        var clean = clean(value);
        if (clean.isEmpty()) {
            throw new InvalidField(field, key);
        }
        if (clean.length() > NAME_MAX) {
            throw new InvalidField(field, "signons.too-long", NAME_MAX);
        }
        return clean;
    }

    private static String optional(String field, String value, int max) {
        var clean = clean(value);
        if (clean.length() > max) {
            throw new InvalidField(field, "signons.too-long", max);
        }
        return clean.isEmpty() ? null : clean;
    }

    private static String website(String value) {
        var clean = clean(value);
        if (clean.isEmpty()) {
            return null;
        }
        if (!clean.contains("://")) {
            clean = "https://" + clean;
        }
        try {
            var uri = URI.create(clean);
            if (clean.length() > WEBSITE_MAX
                    || uri.getHost() == null
                    || !uri.getHost().contains(".")
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new InvalidField("website", "signons.website.invalid");
            }
            return clean;
        } catch (IllegalArgumentException e) {
            throw new InvalidField("website", "signons.website.invalid");
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
