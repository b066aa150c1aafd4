/**
 * Local actions under a campaign: a host registers one (a protest at a place, a teach-in, letters, an online action)
 * in its own time zone and place, the campaign's organizers moderate them, and readers find them in the campaign's
 * list, on its map and in calendars. docs/campaigns.md ("Actions"), decision 0033.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Actions")
package org.chorus.actions;
