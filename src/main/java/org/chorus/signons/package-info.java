/**
 * Sign-ons: an issuing organization opens a published statement for sign-on; organizations and people sign it from
 * the statement page (double opt-in by email, or in one click for an owner of a Chorus organization), can withdraw,
 * and are counted and listed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sign-ons")
package org.chorus.signons;
