/**
 * RSVPs to actions: people say they are going, with an account or a confirmed email address, with guests and answers
 * to the host's questions; capacity with a waitlist promoted automatically; a public count only; attendees, export and
 * messages for hosts and organizers; personal data sealed and deleted after the action. docs/campaigns.md ("RSVPs"),
 * decision 0037.
 */
@org.springframework.modulith.ApplicationModule(displayName = "RSVPs")
package org.chorus.rsvps;
