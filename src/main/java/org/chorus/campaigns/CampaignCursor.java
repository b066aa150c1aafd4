package org.chorus.campaigns;

import java.time.LocalDate;
import java.util.UUID;
import org.chorus.shared.web.CursorTokens;

/**
 * A place in a list of campaigns, after one of them: its first day and id, the list's order. It travels in links as
 * an opaque, URL-safe token ({@code ?after=…}), so a deep page is found by the index, not by counting rows.
 */
public record CampaignCursor(LocalDate startsOn, UUID id) {

    private static final byte VERSION = 1;
    private static final int BYTES = 4 + 16;

    static CampaignCursor at(Campaign campaign) {
        return new CampaignCursor(campaign.plan().startsOn(), campaign.id().value());
    }

    /** The token for links: base64url without padding. */
    public String token() {
        return CursorTokens.write(VERSION, BYTES, buffer -> {
            CursorTokens.putDay(buffer, startsOn);
            CursorTokens.putId(buffer, id);
        });
    }

    /** The cursor in a link's token, or null when blank; a token no list gave is refused (400). */
    public static CampaignCursor of(String token) {
        return CursorTokens.read(
                token,
                VERSION,
                BYTES,
                "campaigns.cursor-invalid",
                buffer -> new CampaignCursor(CursorTokens.day(buffer), CursorTokens.id(buffer)));
    }
}
