/**
 * Letters to officials: a campaign's organizers write one letter (per language, with a locked core) and keep the
 * officials it goes to per country; supporters send it through Chorus after confirming their address, or from their
 * own mail program, and only counts remain. docs/campaigns.md ("Letters to officials"), decision 0039.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Letters")
package org.chorus.letters;
