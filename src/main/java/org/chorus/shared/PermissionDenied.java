package org.chorus.shared;

/** The person is known but their role does not allow this (403). */
public class PermissionDenied extends DomainException {

    public PermissionDenied(String messageKey, Object... arguments) {
        super(403, messageKey, arguments);
    }
}
