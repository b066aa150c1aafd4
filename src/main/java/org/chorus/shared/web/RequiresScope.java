package org.chorus.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API token needs for a handler (one of {@code accounts.ApiTokens.SCOPES}): every API handler that
 * writes names one, and the person acting is refused with 403 when their token lacks it. A reading handler needs
 * {@code read} to see what its account may see beyond the public; without it the token reads as anyone does.
 * Scopes travel as authorities of the token's authentication ({@link #PREFIX} + scope, and {@link #API_TOKEN}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresScope {

    /** The authority a request authenticated by an API token carries. */
    String API_TOKEN = "API_TOKEN";

    /** The prefix of a scope's authority: {@code SCOPE_write:actions}. */
    String PREFIX = "SCOPE_";

    /** What a reading handler needs to act as its account rather than as anyone. */
    String READ = "read";

    String value();
}
