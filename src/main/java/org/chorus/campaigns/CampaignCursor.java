package org.chorus.campaigns;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.chorus.shared.DomainException;

/**
 * A place in a list of campaigns, after one of them: its first day and id, the list's order. It travels in links as
 * an opaque, URL-safe token ({@code ?after=…}), so a deep page is found by the index, not by counting rows.
 */
public record CampaignCursor(LocalDate startsOn, UUID id) {

    private static final byte VERSION = 1;
    private static final int BYTES = 1 + 4 + 16;

    static CampaignCursor at(Campaign campaign) {
        return new CampaignCursor(campaign.plan().startsOn(), campaign.id().value());
    }

    /** The token for links: base64url without padding. */
    public String token() {
        var bytes = ByteBuffer.allocate(BYTES)
                .put(VERSION)
                .putInt(Math.toIntExact(startsOn.toEpochDay()))
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cursor in a link's token, or null when blank; a token no list gave is refused (400). */
    public static CampaignCursor of(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            var bytes = Base64.getUrlDecoder().decode(token.strip());
            var buffer = ByteBuffer.wrap(bytes);
            if (bytes.length != BYTES || buffer.get() != VERSION) {
                throw invalid();
            }
            var day = LocalDate.ofEpochDay(buffer.getInt());
            if (day.getYear() < 1 || day.getYear() > 9999) {
                throw invalid();
            }
            return new CampaignCursor(day, new UUID(buffer.getLong(), buffer.getLong()));
        } catch (IllegalArgumentException | BufferUnderflowException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return new DomainException(400, "campaigns.cursor-invalid");
    }
}
