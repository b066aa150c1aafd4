package org.chorus.actions;

import org.chorus.campaigns.CampaignId;

/** An event of an action that may change its campaign's map: the map's squares are grouped again ({@link MapCells}). */
interface ChangesTheMap {

    CampaignId campaign();

    String campaignSlug();
}
