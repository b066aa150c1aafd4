/**
 * Following by email without an account: people follow an organization (with what is below it, or not) or a topic,
 * confirm by a link, get each new statement or a weekly digest, unsubscribe in one click; organizations send
 * announcements to their followers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follows")
package org.chorus.follows;
