package org.chorus.turnout;

import java.time.LocalDate;
import java.util.List;

/** A campaign's visible turnout reports, counted and summed by country and by day (the action's own date). */
public record TurnoutTotals(int reports, long participants, List<ByCountry> byCountry, List<ByDay> byDay) {

    public record ByCountry(String country, int reports, long participants) {}

    public record ByDay(LocalDate day, int reports, long participants) {}

    public boolean isEmpty() {
        return reports == 0;
    }
}
