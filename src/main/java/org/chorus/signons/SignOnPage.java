package org.chorus.signons;

import java.util.List;

/**
 * One page of a sign-on list, and the token of the next one ({@code ?after=}), null on the last page.
 *
 * @param first whether this is the first page (no cursor was given)
 */
public record SignOnPage<T>(List<T> items, String next, boolean first) {

    public boolean hasNext() {
        return next != null;
    }
}
