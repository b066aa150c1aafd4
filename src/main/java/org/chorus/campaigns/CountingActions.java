package org.chorus.campaigns;

import java.util.Map;

/**
 * How many public actions a campaign has, by kind and by country, for the campaigns API. The actions module counts
 * them and implements this (campaigns sit below actions and never call up into it); without it, there are no counts.
 */
public interface CountingActions {

    /** Approved actions that are not cancelled: in all, by kind, and by country ('' for online ones). */
    record Counts(long total, Map<ActionKind, Long> byKind, Map<String, Long> byCountry) {}

    Counts of(CampaignId campaign);
}
