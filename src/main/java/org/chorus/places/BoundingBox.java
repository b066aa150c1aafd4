package org.chorus.places;

import java.util.List;
import org.chorus.shared.DomainException;

/**
 * The part of the world a map shows, as it asks for it: {@code bbox=west,south,east,north} in degrees (RFC 7946
 * order). A box whose west is east of its east crosses the antimeridian (the map shows Fiji with both its halves):
 * {@link #parts()} splits it into two boxes that SQL can ask with plain BETWEENs. Bad input is refused with 400 and a
 * message in the reader's language, never a 500.
 */
public record BoundingBox(double west, double south, double east, double north) {

    public static final BoundingBox WORLD = new BoundingBox(-180, -90, 180, 90);

    public BoundingBox {
        latitude(south);
        latitude(north);
        longitude(west);
        longitude(east);
        if (south > north) {
            throw new DomainException(400, "map.bbox-south-above-north");
        }
    }

    /** Reads {@code west,south,east,north}; blank is the whole world. */
    public static BoundingBox parse(String text) {
        if (text == null || text.isBlank()) {
            return WORLD;
        }
        var parts = text.split(",", -1);
        if (parts.length != 4 || text.length() > 200) {
            throw new DomainException(400, "map.bbox-invalid");
        }
        var values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new DomainException(400, "map.bbox-invalid");
            }
            if (!Double.isFinite(values[i])) {
                throw new DomainException(400, "map.bbox-invalid");
            }
        }
        return new BoundingBox(values[0], values[1], values[2], values[3]);
    }

    public boolean crossesAntimeridian() {
        return west > east;
    }

    /** One box, or two when it crosses the antimeridian; each has west ≤ east. */
    public List<BoundingBox> parts() {
        return crossesAntimeridian()
                ? List.of(new BoundingBox(west, south, 180, north), new BoundingBox(-180, south, east, north))
                : List.of(this);
    }

    public boolean contains(double latitude, double longitude) {
        return latitude >= south
                && latitude <= north
                && (crossesAntimeridian()
                        ? longitude >= west || longitude <= east
                        : longitude >= west && longitude <= east);
    }

    /** A latitude in degrees, or 400 {@code map.latitude-out-of-range}. */
    public static double latitude(double value) {
        if (!(value >= -90 && value <= 90)) {
            throw new DomainException(400, "map.latitude-out-of-range");
        }
        return value;
    }

    /** A longitude in degrees, or 400 {@code map.longitude-out-of-range}. */
    public static double longitude(double value) {
        if (!(value >= -180 && value <= 180)) {
            throw new DomainException(400, "map.longitude-out-of-range");
        }
        return value;
    }
}
