package org.chorus.signons;

import java.util.ArrayList;
import java.util.List;
import org.chorus.shared.InvalidField;

/**
 * A question the organizers ask every signer ("Sector"), answered by a choice among theirs or, when it has none, in a
 * few words. Answering is never required. Organizers write each as a line: {@code Sector: Health | Education | Labour}.
 */
public record SignOnQuestion(String label, List<String> choices) {

    public static final int MAX = 5;
    public static final int LABEL_MAX = 200;
    public static final int CHOICES_MAX = 20;
    public static final int ANSWER_MAX = 200;

    public SignOnQuestion {
        label = label == null ? "" : label.strip();
        choices = choices == null
                ? List.of()
                : choices.stream()
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .distinct()
                        .toList();
    }

    /** The questions written one per line, a label and, after a colon, choices separated by {@code |}. */
    public static List<SignOnQuestion> parse(String text) {
        var questions = new ArrayList<SignOnQuestion>();
        for (var line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            questions.add(
                    colon < 0
                                    || !line.contains("|")
                                            && line.substring(colon + 1).isBlank()
                            ? new SignOnQuestion(colon < 0 ? line : line.substring(0, colon), List.of())
                            : new SignOnQuestion(
                                    line.substring(0, colon),
                                    List.of(line.substring(colon + 1).split("\\|"))));
        }
        return questions;
    }

    /** The question as organizers write it. */
    public String written() {
        return choices.isEmpty() ? label : label + ": " + String.join(" | ", choices);
    }

    /** Whether it is answered in words rather than by a choice. */
    public boolean free() {
        return choices.isEmpty();
    }

    boolean wellFormed() {
        return !label.isEmpty()
                && label.length() <= LABEL_MAX
                && choices.size() <= CHOICES_MAX
                && choices.stream().allMatch(c -> c.length() <= ANSWER_MAX);
    }

    /**
     * The answers of a form to these questions, in their order, blank ones as empty strings; throws
     * {@code signons.answer.invalid} for a choice not offered or words too long.
     */
    static List<String> answers(List<SignOnQuestion> questions, List<String> given) {
        var answers = new ArrayList<String>();
        for (int i = 0; i < questions.size(); i++) {
            var question = questions.get(i);
            var answer = given != null && i < given.size() && given.get(i) != null
                    ? given.get(i).replaceAll("\\p{Cntrl}", " ").strip()
                    : "";
            if (!answer.isEmpty()
                    && (question.free()
                            ? answer.length() > ANSWER_MAX
                            : !question.choices().contains(answer))) {
                throw new InvalidField("answers", "signons.answer.invalid", question.label());
            }
            answers.add(answer);
        }
        return answers;
    }
}
