package org.chorus.shared.web;

import java.util.List;

/**
 * A bar chart drawn on the server as SVG (no chart library, no script): its bars in order, each with the label its
 * table row shows and its value. The SVG carries no text: the caption names it and the table beside it (the same
 * figures, readable by everyone, and as CSV) is what assistive technology reads.
 *
 * @param horizontal bars from the start edge (a ranking: countries, kinds); else columns along time
 */
public record BarChart(String id, String title, List<Bar> bars, boolean horizontal, String csv) {

    /** One bar: what the table calls it and its value. */
    public record Bar(String label, long value) {}

    /** The drawing's width and height, in the SVG's own units. */
    public static final int WIDTH = 600;

    public static final int BAR = 16;
    private static final int GAP = 4;
    private static final int COLUMNS_HEIGHT = 160;

    public long max() {
        return bars.stream().mapToLong(Bar::value).max().orElse(0);
    }

    public long total() {
        return bars.stream().mapToLong(Bar::value).sum();
    }

    public int height() {
        return horizontal ? Math.max(1, bars.size() * (BAR + GAP)) : COLUMNS_HEIGHT;
    }

    /** The rectangle of bar {@code i}: x, y, width, height, in the SVG's units (never less than a pixel for a value). */
    public int[] rectangle(int i) {
        long max = Math.max(1, max());
        long value = bars.get(i).value();
        if (horizontal) {
            int length = value == 0 ? 0 : (int) Math.max(1, Math.round((double) WIDTH * value / max));
            return new int[] {0, i * (BAR + GAP), length, BAR};
        }
        double slot = (double) WIDTH / Math.max(1, bars.size());
        int width = (int) Math.max(1, Math.floor(slot * 0.8));
        int length = value == 0 ? 0 : (int) Math.max(1, Math.round((double) COLUMNS_HEIGHT * value / max));
        return new int[] {(int) Math.floor(i * slot), COLUMNS_HEIGHT - length, width, length};
    }
}
