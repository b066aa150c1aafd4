package org.chorus.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page handler (or every handler of a controller) that changes how an account is protected or what others
 * may do: it runs only if the person signed in or confirmed their password within the last {@link
 * RecentAuthentication#WINDOW}. Otherwise they are asked for their password first and then come back: a GET to the
 * page itself, a POST straight to the same action with what they had filled in. See {@link RecentAuthentication}.
 *
 * <p>A form that uploads a file cannot be carried through the confirmation page (a file is not a hidden field): mark
 * the GET of its page instead, so the person confirms before choosing the file.
 *
 * <pre>{@code
 * @RequiresRecentSignIn
 * @PostMapping("/account/two-factor/disable")
 * String disable(@AuthenticationPrincipal ChorusUser user) { … }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRecentSignIn {}
