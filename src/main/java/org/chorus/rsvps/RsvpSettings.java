package org.chorus.rsvps;

import java.util.ArrayList;
import java.util.List;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;

/**
 * What the host of an action sets for its RSVPs.
 *
 * @param capacity the most people (guests included) going; null for no limit
 * @param questions up to {@link #QUESTIONS_MAX} short questions every RSVP answers (or leaves empty)
 * @param instructions what attendees need to know, shown only to them (their own view and letters)
 */
public record RsvpSettings(Integer capacity, List<String> questions, String instructions) {

    public static final int QUESTIONS_MAX = 3;
    public static final int QUESTION_MAX = 200;
    public static final int INSTRUCTIONS_MAX = 2_000;
    public static final int CAPACITY_MAX = 100_000;

    public static final RsvpSettings NONE = new RsvpSettings(null, List.of(), "");

    public RsvpSettings {
        questions = List.copyOf(questions);
        instructions = instructions == null ? "" : instructions;
    }

    /** The settings as the host's form sends them; empty questions are dropped. */
    public static RsvpSettings written(String capacity, List<String> questions, String instructions) {
        var checks = new FieldChecks();
        var checkedCapacity = checks.check(() -> capacity(capacity));
        var checkedQuestions = checks.check(() -> questions(questions));
        var checkedInstructions = checks.check(() -> instructions(instructions));
        checks.done();
        return new RsvpSettings(checkedCapacity, checkedQuestions, checkedInstructions);
    }

    /** Whether a party of this size fits beside those going already. */
    boolean fits(int taken, int party) {
        return capacity == null || taken + party <= capacity;
    }

    private static Integer capacity(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            int capacity = Integer.parseInt(typed.strip());
            if (capacity >= 1 && capacity <= CAPACITY_MAX) {
                return capacity;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidField("capacity", "rsvp.capacity.out-of-range", CAPACITY_MAX);
    }

    private static List<String> questions(List<String> typed) {
        var questions = new ArrayList<String>();
        for (var question : typed == null ? List.<String>of() : typed) {
            var clean = question == null ? "" : question.strip();
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > QUESTION_MAX) {
                throw new InvalidField("questions", "rsvp.text.too-long", QUESTION_MAX);
            }
            questions.add(clean);
        }
        if (questions.size() > QUESTIONS_MAX) {
            throw new InvalidField("questions", "rsvp.questions.too-many", QUESTIONS_MAX);
        }
        return questions;
    }

    private static String instructions(String typed) {
        var clean = typed == null ? "" : typed.strip();
        if (clean.length() > INSTRUCTIONS_MAX) {
            throw new InvalidField("instructions", "rsvp.text.too-long", INSTRUCTIONS_MAX);
        }
        return clean;
    }
}
