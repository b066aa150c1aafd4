/**
 * The audit log: security and moderation events (sign-ins from a new device, two-factor and password changes, tokens,
 * roles, invitations, moderation decisions, publications, imports) with who, what and when, never a network address.
 * It only listens to the events of the modules below it (and, for what organizers do to sign-ons, of signons; campaigns published or withdrawn); nothing
 * calls it. Owners read their organization's log, each
 * person their own; entries are deleted after a year.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.chorus.audit;
