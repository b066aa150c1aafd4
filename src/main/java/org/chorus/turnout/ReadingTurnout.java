package org.chorus.turnout;

import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.chorus.actions.ActionId;
import org.chorus.campaigns.CampaignId;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads turnout reports for the action's page (one query) and the campaign's totals (one grouped query). */
@Service
@Transactional(readOnly = true)
public class ReadingTurnout {

    private final TurnoutReports reports;
    private final PersonalData personalData;
    private final AccountDirectory accounts;

    ReadingTurnout(TurnoutReports reports, PersonalData personalData, AccountDirectory accounts) {
        this.reports = reports;
        this.personalData = personalData;
        this.accounts = accounts;
    }

    /** The action's report with its photos, hidden or not (the caller decides who sees a hidden one). */
    public Optional<TurnoutReport> report(ActionId action) {
        return reports.byAction(action);
    }

    /** The campaign's visible reports, totalled by country and by day. */
    public TurnoutTotals totals(CampaignId campaign) {
        return reports.totals(campaign);
    }

    /**
     * Who filed the report last, for the host and the organizers only: an account's display name, or empty for the
     * host's emailed link; {@link Filer#FORGOTTEN} once the retention period is over.
     */
    public Filer filedBy(ActionId action) {
        return reports.filedBy(action)
                .map(ciphertext -> personalData.open(ciphertext, FilingTurnoutReports.FILER_COLUMN))
                .map(this::filer)
                .orElse(Filer.FORGOTTEN);
    }

    /** Who filed a report: {@code name} is an account's display name, null for the host's link. */
    public record Filer(String name, boolean known) {
        public static final Filer FORGOTTEN = new Filer(null, false);

        public boolean byLink() {
            return known && name == null;
        }
    }

    private Filer filer(String opened) {
        if (opened.startsWith("account:")) {
            var id = new AccountId(UUID.fromString(opened.substring("account:".length())));
            return accounts.find(id).map(a -> new Filer(a.displayName(), true)).orElse(Filer.FORGOTTEN);
        }
        return new Filer(null, true);
    }
}
