package org.chorus.accounts;

/**
 * Published, in the request that confirms it, when a person confirms the address in the browser where they signed up
 * and is signed in there by it; {@code next} is the local page the sign-up started from (an invitation, say), where they
 * go now. Listeners that act on it run in that request, before the person arrives at {@code next}.
 */
public record SignedUpAndConfirmedHere(AccountId account, String next) {}
