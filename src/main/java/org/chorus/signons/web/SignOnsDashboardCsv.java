package org.chorus.signons.web;

import java.util.ArrayList;
import java.util.List;
import org.chorus.actions.CampaignDashboardCsv;
import org.chorus.actions.CampaignDashboardSection;
import org.chorus.signons.ReadingSignOns;
import org.chorus.statements.ReadingStatements;
import org.springframework.stereotype.Component;

/** The sign-on totals of a campaign's related statements as its dashboard's CSV: totals only, no one's name. */
@Component
class SignOnsDashboardCsv implements CampaignDashboardCsv {

    private final ReadingSignOns signOns;
    private final ReadingStatements statements;

    SignOnsDashboardCsv(ReadingSignOns signOns, ReadingStatements statements) {
        this.signOns = signOns;
        this.statements = statements;
    }

    @Override
    public String name() {
        return "signons";
    }

    @Override
    public List<List<String>> rows(CampaignDashboardSection section) {
        var totals = signOns.totals(section.statements());
        var links = statements.links(totals.keySet());
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("statement", "title", "organizations", "people", "countries"));
        for (var statement : section.statements()) {
            var total = totals.get(statement);
            var link = links.get(statement);
            if (total != null && link != null) {
                rows.add(List.of(
                        link.slug(),
                        link.title(),
                        Integer.toString(total.organizations()),
                        Integer.toString(total.people()),
                        Integer.toString(total.countries())));
            }
        }
        return rows;
    }
}
