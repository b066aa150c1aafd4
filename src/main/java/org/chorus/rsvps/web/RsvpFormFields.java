package org.chorus.rsvps.web;

import java.util.List;

/** What the RSVP form holds when it is shown again after a refusal. */
public record RsvpFormFields(String name, String email, String guests, List<String> answers) {

    public RsvpFormFields {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    static RsvpFormFields empty() {
        return new RsvpFormFields("", "", "0", List.of());
    }

    public String answer(int i) {
        return i < answers.size() ? answers.get(i) : "";
    }
}
