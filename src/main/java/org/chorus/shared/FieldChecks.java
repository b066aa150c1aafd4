package org.chorus.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks the fields of one submission and reports every broken one together, so a person fixes a form in one go
 * instead of one error per try. Each check throws {@link InvalidField}; {@link #done()} throws them all at once.
 */
public final class FieldChecks {

    private final List<InvalidField> broken = new ArrayList<>();

    /** Runs a check that returns the cleaned value; null when the field is broken. */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidField problem) {
            broken.addAll(problem.fields());
            return null;
        }
    }

    public void check(Runnable check) {
        check(() -> {
            check.run();
            return null;
        });
    }

    /** Throws every broken field found so far as one {@link InvalidField}. */
    public void done() {
        if (!broken.isEmpty()) {
            throw InvalidField.all(broken);
        }
    }
}
