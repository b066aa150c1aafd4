/**
 * Turnout reports: once an action is over its host is asked by mail how it went, and the host (or the campaign's
 * organizers) files the number of participants, a short text and up to five photos, re-encoded without their metadata
 * and kept in the upload store. Organizers may hide a report; the campaign page totals visible reports by country and
 * by day. docs/campaigns.md ("Turnout reports"), decision 0038.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Turnout")
package org.chorus.turnout;
