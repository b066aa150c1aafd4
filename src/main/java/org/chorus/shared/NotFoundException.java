package org.chorus.shared;

/** What was asked for does not exist, or the person may not know that it exists (404). */
public class NotFoundException extends DomainException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(404, messageKey, arguments);
    }
}
