package org.chorus.signons.web;

import java.util.ArrayList;
import org.chorus.shared.web.Ui;
import org.chorus.signons.SignOnTotals;

/**
 * "Signed by 312 organizations in 64 countries and 18,240 people." in the reader's language, leaving out a part that is
 * still zero.
 */
public final class TotalsSentence {

    private TotalsSentence() {}

    public static String of(SignOnTotals totals, Ui ui) {
        if (totals.none()) {
            return ui.t("signons.totals.none");
        }
        var parts = new ArrayList<String>();
        if (totals.organizations() > 0) {
            parts.add(ui.t("signons.totals.organizations", totals.organizations(), totals.countries()));
        }
        if (totals.people() > 0) {
            parts.add(ui.t("signons.totals.people", totals.people()));
        }
        return parts.size() == 1
                ? ui.t("signons.totals.signed", parts.getFirst())
                : ui.t("signons.totals.signed", ui.t("signons.totals.and", parts.get(0), parts.get(1)));
    }
}
