package org.chorus.shared;

/** Input that breaks a rule of one form field; pages show the message next to that field (422). */
public class InvalidField extends DomainException {

    private final String field;

    public InvalidField(String field, String messageKey, Object... arguments) {
        super(422, messageKey, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
