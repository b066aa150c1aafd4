package org.chorus.actions;

import java.sql.Timestamp;
import java.time.Instant;
import org.chorus.accounts.AccountId;
import org.chorus.campaigns.CampaignId;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code action_trusted_hosts} table: hosts and organizations whose actions a campaign approves at once. */
@Repository
class TrustedHosts {

    private final JdbcClient jdbc;

    TrustedHosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the campaign trusts the host (null: none) or the organization the action is hosted for (null: none). */
    boolean covers(CampaignId campaign, AccountId host, OrganizationId organization) {
        if (host == null && organization == null) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from action_trusted_hosts
                                        where campaign_id = :campaign
                                          and (account_id = :account or organization_id = :organization))
                        """)
                .param("campaign", campaign.value())
                .param("account", host == null ? null : host.value())
                .param("organization", organization == null ? null : organization.value())
                .query(Boolean.class)
                .single();
    }

    boolean trusts(CampaignId campaign, AccountId host) {
        return host != null && covers(campaign, host, null);
    }

    boolean trusts(CampaignId campaign, OrganizationId organization) {
        return organization != null && covers(campaign, null, organization);
    }

    void trust(CampaignId campaign, AccountId host, OrganizationId organization, AccountId by, Instant now) {
        jdbc.sql("""
                        insert into action_trusted_hosts (campaign_id, account_id, organization_id, trusted_by, trusted_at)
                        values (:campaign, :account, :organization, :by, :at)
                        on conflict do nothing
                        """)
                .param("campaign", campaign.value())
                .param("account", host == null ? null : host.value())
                .param("organization", organization == null ? null : organization.value())
                .param("by", by.value())
                .param("at", Timestamp.from(now))
                .update();
    }

    void distrust(CampaignId campaign, AccountId host, OrganizationId organization) {
        jdbc.sql("""
                        delete from action_trusted_hosts
                        where campaign_id = :campaign
                          and (account_id = :account or organization_id = :organization)
                        """)
                .param("campaign", campaign.value())
                .param("account", host == null ? null : host.value())
                .param("organization", organization == null ? null : organization.value())
                .update();
    }
}
