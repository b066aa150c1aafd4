package org.chorus.letters;

import java.util.Locale;
import java.util.Set;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.HttpsAddress;
import org.chorus.shared.InvalidField;

/**
 * An official a campaign's letter goes to: their office and name, and one public way to reach them, an email address
 * or the https address of a contact form (only officials' public contacts, never private persons'). A target reached
 * by a form is shown to supporters as a link with the text to copy; only those with an address are mailed.
 */
public record Target(
        TargetId id,
        CampaignId campaign,
        String country,
        String office,
        String name,
        String email,
        String webForm,
        String note) {

    public static final int OFFICE_MAX = 200;
    public static final int NAME_MAX = 200;
    public static final int NOTE_MAX = 500;
    public static final int URL_MAX = 500;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The fields as a form or a line of CSV gives them, checked together (both contacts, or none, refused). */
    public static Target written(
            TargetId id,
            CampaignId campaign,
            String country,
            String office,
            String name,
            String email,
            String webForm,
            String note) {
        var checks = new FieldChecks();
        var cc = checks.check(() -> country(country));
        var o = checks.check(() -> LetterText.required("office", office, OFFICE_MAX));
        var n = checks.check(() -> LetterText.required("name", name, NAME_MAX));
        var typedEmail = email == null ? "" : email.strip();
        var typedForm = webForm == null ? "" : webForm.strip();
        String e = null;
        String f = null;
        if (typedEmail.isEmpty() == typedForm.isEmpty()) {
            checks.check(() -> {
                throw new InvalidField("email", "letter.target.one-contact");
            });
        } else if (!typedEmail.isEmpty()) {
            e = checks.check(() -> EmailAddress.check(typedEmail));
        } else {
            f = checks.check(() -> webForm(typedForm));
        }
        var note2 = checks.check(() -> LetterText.optional("note", note, NOTE_MAX));
        checks.done();
        return new Target(id, campaign, cc, o, n, e, f, note2);
    }

    /** Whether Chorus can mail this official (else the supporter uses their contact form). */
    public boolean mailable() {
        return email != null;
    }

    static String country(String typed) {
        var cc = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(cc)) {
            throw new InvalidField("country", "letter.target.country-invalid");
        }
        return cc;
    }

    private static String webForm(String typed) {
        if (typed.length() > URL_MAX) {
            throw new InvalidField("webForm", "letter.field.too-long", URL_MAX);
        }
        return HttpsAddress.check("webForm", typed, "letter.target.web-form-https");
    }
}
