package org.chorus.statements.web;

import java.util.ArrayList;
import java.util.List;
import org.chorus.statements.Signatory;
import org.chorus.statements.StatementDraft;

/**
 * The statement form as typed. Co-issuers are organization slugs, one per line; signatories one per line as
 * "Name | Role | Organization". With {@code issuedDayUnknown} the date of issue is known only to the month (the day
 * picked is ignored).
 */
public record StatementForm(
        String language,
        String title,
        String subtitle,
        String body,
        String issuedOn,
        String place,
        String topics,
        Boolean commentsEnabled,
        String cosigners,
        String signatories,
        String correctionNote,
        Boolean issuedDayUnknown,
        String slug) {

    public static StatementForm blank(String language) {
        return new StatementForm(language, "", "", "", "", "", "", false, "", "", "", false, "");
    }

    /** The date of issue as the use case reads it: {@code 2024-02-09}, or {@code 2024-02} when the day is unknown. */
    String issuedOnTyped() {
        if (dayUnknown() && issuedOn != null && issuedOn.strip().matches("\\d{4}-\\d{2}(-\\d{2})?")) {
            return issuedOn.strip().substring(0, 7);
        }
        return issuedOn;
    }

    public boolean dayUnknown() {
        return Boolean.TRUE.equals(issuedDayUnknown);
    }

    public StatementDraft draft() {
        return new StatementDraft(
                language,
                title,
                subtitle,
                body,
                issuedOnTyped(),
                place,
                topics,
                Boolean.TRUE.equals(commentsEnabled),
                lines(cosigners),
                signatoryList());
    }

    List<Signatory> signatoryList() {
        var list = new ArrayList<Signatory>();
        for (var line : lines(signatories)) {
            var parts = line.split("\\|", -1);
            list.add(new Signatory(
                    parts[0].strip(),
                    parts.length > 1 ? parts[1].strip() : "",
                    parts.length > 2 ? parts[2].strip() : ""));
        }
        return list;
    }

    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public String value(String v) {
        return v == null ? "" : v;
    }

    public boolean comments() {
        return Boolean.TRUE.equals(commentsEnabled);
    }
}
