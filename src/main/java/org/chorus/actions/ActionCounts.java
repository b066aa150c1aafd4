package org.chorus.actions;

import java.util.Map;
import org.chorus.campaigns.ActionKind;

/** A campaign's approved actions (cancelled ones left out) counted by kind and by country ('' for online ones). */
public record ActionCounts(long total, Map<ActionKind, Long> byKind, Map<String, Long> byCountry) {

    /** How many countries have at least one action at a place. */
    public long countries() {
        return byCountry.keySet().stream().filter(code -> !code.isEmpty()).count();
    }
}
