package org.chorus.follows;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a follower hears of what is new: statements each as it is published or in a weekly digest; a campaign's
 * new actions in a letter a day or a week (a day of action brings hundreds, never a letter each).
 */
public enum Frequency {
    IMMEDIATE,
    DAILY,
    WEEKLY;

    /** What a follower of this target may choose, the default first. */
    public static List<Frequency> choices(FollowTarget target) {
        return target.isCampaign() ? List.of(DAILY, WEEKLY) : List.of(IMMEDIATE, WEEKLY);
    }

    /** The frequency asked for when this target offers it, else the target's default. */
    public static Frequency chosen(FollowTarget target, Frequency asked) {
        var choices = choices(target);
        return asked != null && choices.contains(asked) ? asked : choices.getFirst();
    }

    public String key() {
        return "follows.frequency." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Frequency> parse(String value) {
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
