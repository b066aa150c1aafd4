package org.chorus.letters;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.campaigns.CampaignId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many letters went, for the organizers' page and the campaign dashboard (issue 16, item 10): per country, per
 * official, per day and per way, in one query. Only counts: nothing here names a supporter.
 */
@Service
@Transactional(readOnly = true)
public class CountingLetters {

    private final Letters letters;

    CountingLetters(Letters letters) {
        this.letters = letters;
    }

    /**
     * Letters to one official on one day in one way. {@code office} and {@code name} are null once the official was
     * deleted; the count stays.
     */
    public record Outreach(
            String country, TargetId target, String office, String name, LocalDate day, Way way, int letters) {}

    /** Totals of one country or one official, by way. */
    public record Total(int chorus, int ownMail) {
        public int all() {
            return chorus + ownMail;
        }

        Total plus(Outreach o) {
            return o.way() == Way.CHORUS
                    ? new Total(chorus + o.letters(), ownMail)
                    : new Total(chorus, ownMail + o.letters());
        }
    }

    /** Every count of the campaign, by country, official, day and way. */
    public List<Outreach> outreach(CampaignId campaign) {
        return letters.outreach(campaign);
    }

    /** The campaign's counts as the organizers' tables show them. */
    public record Summary(Map<String, Total> byCountry, Map<TargetId, Total> byTarget, Map<LocalDate, Total> byDay) {

        /** Sums the rows of {@link #outreach}, in their order (countries, then officials, then days, sorted). */
        public static Summary of(List<Outreach> rows) {
            var countries = new LinkedHashMap<String, Total>();
            var targets = new LinkedHashMap<TargetId, Total>();
            var days = new java.util.TreeMap<LocalDate, Total>();
            var none = new Total(0, 0);
            for (var row : rows) {
                countries.merge(row.country(), none.plus(row), (a, b) -> a.plus(row));
                targets.merge(row.target(), none.plus(row), (a, b) -> a.plus(row));
                days.merge(row.day(), none.plus(row), (a, b) -> a.plus(row));
            }
            return new Summary(countries, targets, days);
        }
    }

    public Summary summary(CampaignId campaign) {
        return Summary.of(letters.outreach(campaign));
    }
}
