package org.chorus.signons.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.chorus.shared.FormDates;
import org.chorus.shared.InvalidField;
import org.chorus.signons.SignOnOpening;
import org.chorus.signons.SignOnQuestion;
import org.chorus.signons.WhoMaySign;

/**
 * The opening form as written, kept to show it again when refused. Spring binds it from the request by its components'
 * names; a field the request lacks is blank (an unticked box, false: boxes are {@code Boolean}s because Spring refuses
 * a missing value for a primitive).
 */
public record OpeningForm(
        String whoMaySign,
        String closesAt,
        Boolean showPeopleNames,
        Boolean autoApprovePeople,
        Boolean autoApproveOrganizations,
        String thankYou,
        String retentionDays,
        String blockedDomains,
        String embedOrigins,
        String questions) {

    public OpeningForm {
        showPeopleNames = Boolean.TRUE.equals(showPeopleNames);
        autoApprovePeople = Boolean.TRUE.equals(autoApprovePeople);
        autoApproveOrganizations = Boolean.TRUE.equals(autoApproveOrganizations);
        whoMaySign = Objects.toString(whoMaySign, "");
        closesAt = Objects.toString(closesAt, "");
        thankYou = Objects.toString(thankYou, "");
        retentionDays = Objects.toString(retentionDays, "");
        blockedDomains = Objects.toString(blockedDomains, "");
        embedOrigins = Objects.toString(embedOrigins, "");
        questions = Objects.toString(questions, "");
    }

    public static OpeningForm of(SignOnOpening.Choices c, ZoneId zone) {
        return new OpeningForm(
                c.whoMaySign().name(),
                c.closesAt() == null
                        ? ""
                        : LocalDateTime.ofInstant(c.closesAt(), zone)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString(),
                c.showPeopleNames(),
                c.autoApprovePeople(),
                c.autoApproveOrganizations(),
                c.thankYou(),
                String.valueOf(c.retentionDays()),
                String.join("\n", c.blockedDomains()),
                String.join("\n", c.embedOrigins()),
                String.join(
                        "\n",
                        c.questions().stream().map(SignOnQuestion::written).toList()));
    }

    SignOnOpening.Choices choices(ZoneId zone) {
        WhoMaySign who;
        try {
            who = WhoMaySign.valueOf(whoMaySign);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidField("whoMaySign", "signons.opening.who-invalid");
        }
        var closes = FormDates.dateTime("closesAt", closesAt, "signons.opening.closes-invalid");
        int retention;
        try {
            retention = Integer.parseInt(retentionDays == null ? "" : retentionDays.strip());
        } catch (NumberFormatException e) {
            retention = -1;
        }
        return new SignOnOpening.Choices(
                who,
                closes == null ? null : closes.atZone(zone).toInstant(),
                showPeopleNames,
                autoApprovePeople,
                autoApproveOrganizations,
                thankYou,
                retention,
                lines(blockedDomains),
                lines(embedOrigins),
                SignOnQuestion.parse(questions));
    }

    private static List<String> lines(String value) {
        return value == null ? List.of() : List.of(value.split("[\\s,;]+"));
    }
}
