package org.chorus.actions;

import java.util.UUID;
import org.chorus.shared.NotFoundException;

/** Identifies an action; its page is {@code /actions/{id}}. */
public record ActionId(UUID value) {

    public static ActionId random() {
        return new ActionId(UUID.randomUUID());
    }

    /** The id in an address; anything else is an action that does not exist. */
    public static ActionId parse(String text) {
        try {
            return new ActionId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("action.not-found");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
