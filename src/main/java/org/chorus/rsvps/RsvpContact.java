package org.chorus.rsvps;

import java.util.List;
import org.chorus.shared.EmailAddress;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who an RSVP is from and what they answered: kept only sealed, in one document (column {@code rsvps.contact}), shown
 * to the action's host and its campaign's organizers alone. Never logged: {@link #toString} hides it.
 */
public record RsvpContact(String name, String email, List<String> answers) {

    public static final int NAME_MAX = 200;
    public static final int ANSWER_MAX = 500;
    static final String COLUMN = "rsvps.contact";
    static final String EMAIL_INDEX = "rsvps.email";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RsvpContact {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** The name, email and answers as typed (one answer per question asked), checked together. */
    static RsvpContact written(String name, String email, List<String> answers, int questions) {
        var checks = new FieldChecks();
        var checkedName = checks.check(() -> name(name));
        var checkedEmail = checks.check(() -> EmailAddress.check(email));
        var checkedAnswers = checks.check(() -> answers(answers, questions));
        checks.done();
        return new RsvpContact(checkedName, checkedEmail, checkedAnswers);
    }

    static List<String> answers(List<String> typed, int questions) {
        var answers = new java.util.ArrayList<String>();
        for (int i = 0; i < questions; i++) {
            var answer = typed != null && i < typed.size() && typed.get(i) != null
                    ? typed.get(i).strip()
                    : "";
            if (answer.length() > ANSWER_MAX) {
                throw new InvalidField("answers", "rsvp.answer.too-long", ANSWER_MAX);
            }
            answers.add(answer);
        }
        return answers;
    }

    private static String name(String typed) {
        var name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            throw new InvalidField("name", "rsvp.name.required");
        }
        if (name.length() > NAME_MAX) {
            throw new InvalidField("name", "rsvp.text.too-long", NAME_MAX);
        }
        return name;
    }

    /** The address one person is known by, whatever its case. */
    static String canonical(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static RsvpContact fromJson(String json) {
        return JSON.readValue(json, RsvpContact.class);
    }

    @Override
    public String toString() {
        return "RsvpContact[hidden]";
    }
}
