package org.chorus.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import org.chorus.shared.markdown.Markdown;
import org.chorus.shared.markdown.SafeHtml;

/**
 * A campaign's words in one language, the original or a translation: its title, a one-paragraph summary, the call
 * (Markdown) and the demands in their order. The call's rendering is kept as stored and sanitized again when read
 * ({@link #callHtml}), as statements' texts are.
 */
public record CampaignText(
        String language,
        String title,
        String summary,
        String call,
        String storedHtml,
        List<String> demands,
        Instant updatedAt) {

    public static final int TITLE_MAX = 200;
    public static final int SUMMARY_MAX = 600;
    public static final int CALL_MAX = 20_000;
    public static final int MOST_DEMANDS = 20;
    public static final int DEMAND_MAX = 300;

    public CampaignText {
        demands = List.copyOf(demands);
    }

    /**
     * The words as a form gives them, checked together ({@code title}, {@code summary}, {@code call},
     * {@code demands}: one demand a line, blank lines skipped), with the call rendered.
     */
    public static CampaignText written(
            String language, String title, String summary, String call, String demands, Instant now) {
        var checks = new FieldChecks();
        var cleanTitle = checks.check(() -> required("title", title, TITLE_MAX));
        var cleanSummary = checks.check(() -> optional("summary", summary, SUMMARY_MAX));
        var cleanCall = checks.check(() -> required("call", call, CALL_MAX));
        var lines = checks.check(() -> demands(demands));
        checks.done();
        return new CampaignText(
                language,
                cleanTitle,
                cleanSummary,
                cleanCall,
                Markdown.render(cleanCall).html(),
                lines,
                now);
    }

    /** The call as HTML to show, sanitized again with today's rules. */
    public String callHtml() {
        return Markdown.sanitize(storedHtml).html();
    }

    /** The start of the call, plain text (escape it), at most {@code maxChars} characters, for descriptions. */
    public String excerpt(int maxChars) {
        return summary.isEmpty() ? new SafeHtml(storedHtml).excerpt(maxChars) : summary;
    }

    private static String required(String field, String value, int max) {
        var clean = optional(field, value, max);
        if (clean.isEmpty()) {
            throw new InvalidField(field, "campaign." + field + ".required");
        }
        return clean;
    }

    private static String optional(String field, String value, int max) {
        var clean = value == null ? "" : value.strip();
        if (clean.length() > max) {
            throw new InvalidField(field, "campaign.text.too-long", max);
        }
        return clean;
    }

    private static List<String> demands(String typed) {
        var demands = new ArrayList<String>();
        for (var line : (typed == null ? "" : typed).split("\n")) {
            var demand = line.strip();
            if (demand.isEmpty()) {
                continue;
            }
            if (demand.length() > DEMAND_MAX) {
                throw new InvalidField("demands", "campaign.demand.too-long", DEMAND_MAX);
            }
            demands.add(demand);
        }
        if (demands.size() > MOST_DEMANDS) {
            throw new InvalidField("demands", "campaign.demands.too-many", MOST_DEMANDS);
        }
        return demands;
    }
}
