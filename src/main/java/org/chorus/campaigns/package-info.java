/**
 * Campaigns: an organization calls for action over a window of dates, with days of action, demands, the kinds of action
 * it asks for, partner organizations and the statements it rests on; translated like statements, published by an
 * owner. Local actions (the {@code actions} module, next) hang under a campaign.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package org.chorus.campaigns;
