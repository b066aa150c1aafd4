package org.chorus.shared;

import java.util.List;

/**
 * Input that breaks a rule of one form field; pages show the message next to that field (422). {@link #field()} is
 * the name the use case gives the value it checks, and forms name their inputs (or at least their errors) the same,
 * so no controller guesses a field from a message key. Several at once come from {@link FieldChecks}.
 */
public class InvalidField extends DomainException {

    private final String field;
    private final transient List<InvalidField> all;

    public InvalidField(String field, String messageKey, Object... arguments) {
        super(422, messageKey, arguments);
        this.field = field;
        this.all = List.of(this);
    }

    private InvalidField(List<InvalidField> all) {
        super(422, all.getFirst().messageKey(), all.getFirst().arguments());
        this.field = all.getFirst().field();
        this.all = List.copyOf(all);
    }

    /** One exception for several broken fields: the first is its own field and message. */
    static InvalidField all(List<InvalidField> broken) {
        return broken.size() == 1 ? broken.getFirst() : new InvalidField(broken);
    }

    public String field() {
        return field;
    }

    /** Every broken field this exception reports, itself first. */
    public List<InvalidField> fields() {
        return all;
    }
}
