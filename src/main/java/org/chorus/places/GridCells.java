package org.chorus.places;

import org.chorus.shared.DomainException;

/**
 * How the map groups what it shows at a zoom level: squares of {@code degrees} a side, about a quarter of a map tile
 * (a tile spans 360 / 2^zoom degrees of longitude), so a cluster's circle never hides its neighbour's. From
 * {@link #POINTS_FROM_ZOOM} on, a map shows points, not clusters.
 *
 * <p>The clustering runs in SQL on two plain indexed columns, no PostGIS (decision 0032):
 *
 * <pre>
 * select floor((longitude + 180) / :degrees) as x, floor((latitude + 90) / :degrees) as y,
 *        count(*), avg(latitude), avg(longitude)
 *   from … where latitude between :south and :north and longitude between :west and :east   -- one per box part
 *  group by x, y
 * </pre>
 *
 * Flagship items are selected apart and never folded into a cluster. {@link #x} and {@link #y} give the same cells in
 * Java.
 */
public record GridCells(int zoom, double degrees) {

    public static final int MAX_ZOOM = 20;
    public static final int POINTS_FROM_ZOOM = 12;

    public static GridCells forZoom(int zoom) {
        if (zoom < 0 || zoom > MAX_ZOOM) {
            throw new DomainException(400, "map.zoom-invalid", MAX_ZOOM);
        }
        return new GridCells(zoom, 360.0 / (1L << zoom) / 4);
    }

    /** Reads the {@code zoom} parameter: blank is 0 (the world), anything but a whole number in range is 400. */
    public static GridCells parse(String zoom) {
        if (zoom == null || zoom.isBlank()) {
            return forZoom(0);
        }
        try {
            return forZoom(Integer.parseInt(zoom.strip()));
        } catch (NumberFormatException e) {
            throw new DomainException(400, "map.zoom-invalid", MAX_ZOOM);
        }
    }

    /** Whether the map shows clusters at this zoom, rather than each point. */
    public boolean clusters() {
        return zoom < POINTS_FROM_ZOOM;
    }

    public long x(double longitude) {
        return (long) Math.floor((longitude + 180) / degrees);
    }

    public long y(double latitude) {
        return (long) Math.floor((latitude + 90) / degrees);
    }
}
