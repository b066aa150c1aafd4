package org.chorus.letters.web;

import java.util.List;
import org.chorus.letters.SendingLetters;

/** The letter form a supporter fills, as typed, to show it again: who they are, the parts they change, the officials. */
public record LetterFields(
        String name, String email, String subject, String opening, String closing, List<String> targets) {

    SendingLetters.Written written() {
        return new SendingLetters.Written(name, email, subject, opening, closing, targets);
    }
}
