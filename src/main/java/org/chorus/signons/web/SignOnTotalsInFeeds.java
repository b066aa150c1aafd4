package org.chorus.signons.web;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.chorus.shared.web.Ui;
import org.chorus.signons.ReadingSignOns;
import org.chorus.statements.FeedEntryAddition;
import org.chorus.statements.StatementId;
import org.springframework.stereotype.Component;

/** The sign-on totals in the Atom entry of each statement opened for sign-on that someone signed, in one query. */
@Component
class SignOnTotalsInFeeds implements FeedEntryAddition {

    private final ReadingSignOns reading;

    SignOnTotalsInFeeds(ReadingSignOns reading) {
        this.reading = reading;
    }

    @Override
    public Map<StatementId, String> lines(Collection<StatementId> statements, Ui ui) {
        return reading.totals(statements).entrySet().stream()
                .filter(e -> !e.getValue().none())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> TotalsSentence.of(e.getValue(), ui)));
    }
}
