package org.chorus.shared;

import java.util.Arrays;

/**
 * A broken business rule. Carries a message key (translated for the user) and the HTTP status it maps to, so pages
 * and the API can answer with a specific, localized error instead of a stack trace.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final int status;

    public DomainException(int status, String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** A rule of the domain forbids this (409 Conflict). */
    public static DomainException conflict(String messageKey, Object... arguments) {
        return new DomainException(409, messageKey, arguments);
    }

    /** The input is well-formed but not acceptable (422). */
    public static DomainException invalid(String messageKey, Object... arguments) {
        return new DomainException(422, messageKey, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public int status() {
        return status;
    }
}
