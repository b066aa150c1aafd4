package org.chorus.signons;

import java.net.URI;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a sign-on knows about the person behind it, kept only sealed (one JSON document, column
 * {@code signons.personal}) and shown to the statement's organizers alone: the email, the person's name (or an
 * organization's contact person), and a person's affiliation and title. Never logged: {@link #toString} hides it.
 */
public record Signer(String email, String name, String affiliation, String title, List<String> answers) {

    // what the sealing is bound to (AEAD associated data): column "personal" of "signons"
    static final String COLUMN = "signons.personal_data";
    // the purpose of the canonical address's blind index, apart from every other column's
    static final String EMAIL_INDEX = "signons.email";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Signer {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** A signer who answered no question. */
    public Signer(String email, String name, String affiliation, String title) {
        this(email, name, affiliation, title, List.of());
    }

    /** What a checked form gives that is personal: a person's own details, or an organization's contact. */
    static Signer of(SignOnForm checked) {
        return checked.kind() == SignOnKind.PERSON
                ? new Signer(checked.email(), checked.name(), checked.affiliation(), checked.title(), checked.answers())
                : new Signer(checked.email(), checked.contactPerson(), null, null, checked.answers());
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static Signer fromJson(String json) {
        return JSON.readValue(json, Signer.class);
    }

    /**
     * The address a person is recognised by, whatever way they write it: lower case, and without a {@code +tag};
     * Gmail ignores dots and answers for googlemail.com too, so those are folded as well.
     */
    static String canonicalEmail(String address) {
        var lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        var local = lower.substring(0, at);
        var domain = lower.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    /**
     * What makes two organizations' sign-ons likely the same: the name folded (case, accents, punctuation, spaces), the
     * country, and the website's host without {@code www.}.
     */
    static String organizationKey(String name, String country, String website) {
        var folded = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "");
        return folded + "|" + country + "|" + websiteHost(website);
    }

    static String websiteHost(String website) {
        if (website == null || website.isBlank()) {
            return "";
        }
        try {
            var host = URI.create(website.strip()).getHost();
            if (host == null) {
                return "";
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "Signer[hidden]";
    }
}
