package org.chorus.signons.web;

import java.util.List;
import java.util.Objects;
import org.chorus.signons.SignOnForm;
import org.chorus.signons.SignOnKind;
import org.chorus.signons.SigningOn;

/**
 * The sign-on form as a browser sends it, bound by Spring from the request by its components' names: a field the
 * request lacks is blank (an unticked box, false; no box ticked, none). Boxes are {@code Boolean}s because Spring
 * refuses a missing value for a primitive; repeated fields are arrays, each value one element
 * ({@code SigningController.oneElementPerValue}). Beside what the signer wrote it
 * carries what the form says about its sender: the honeypot ({@code homepage}), the signed stamp, and whether it was
 * sent from the embedded page.
 */
record SentSignOnForm(
        String kind,
        String name,
        String email,
        String country,
        String affiliation,
        String title,
        String website,
        String description,
        String contactPerson,
        Boolean showName,
        String[] keepInformedBy,
        String[] answers,
        String homepage,
        String stamp,
        Boolean embed) {

    SentSignOnForm {
        kind = Objects.toString(kind, "");
        name = Objects.toString(name, "");
        email = Objects.toString(email, "");
        country = Objects.toString(country, "");
        affiliation = Objects.toString(affiliation, "");
        title = Objects.toString(title, "");
        website = Objects.toString(website, "");
        description = Objects.toString(description, "");
        contactPerson = Objects.toString(contactPerson, "");
        showName = Boolean.TRUE.equals(showName);
        keepInformedBy = keepInformedBy == null ? new String[0] : keepInformedBy;
        answers = answers == null ? new String[0] : answers;
        embed = Boolean.TRUE.equals(embed);
    }

    /** What the signer wrote, of the kind the form names. */
    SignOnForm form(SignOnKind signOnKind) {
        return new SignOnForm(
                signOnKind,
                name,
                email,
                country,
                affiliation,
                title,
                website,
                description,
                contactPerson,
                showName,
                List.of(keepInformedBy),
                List.of(answers));
    }

    /** What the form tells about its sender, who sent it from this network address. */
    SigningOn.Signals signals(String address) {
        return new SigningOn.Signals(homepage, stamp, address);
    }

    /** Never the personal fields, whatever logs a form. */
    @Override
    public String toString() {
        return "SentSignOnForm[" + kind + ", hidden]";
    }
}
