package org.chorus.osdi.api;

import java.util.List;
import java.util.Map;
import org.chorus.shared.DomainException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of an OSDI collection as its client asks for it ({@code ?page=} from 1, {@code ?per_page=} up to {@link
 * #MOST}), and the collection document that answers: the totals, the resources embedded and linked, and the links to
 * the pages before and after.
 */
record OsdiPage(int page, int perPage) {

    static final int DEFAULT = 25;
    static final int MOST = 100;

    /** The page asked for; 400 for a number that is not a page or a size beyond {@link #MOST}. */
    static OsdiPage of(String page, String perPage) {
        return new OsdiPage(
                number(page, 1, Integer.MAX_VALUE / MOST, "osdi.page-invalid"),
                number(perPage, DEFAULT, MOST, "osdi.per-page-invalid"));
    }

    private static int number(String typed, int unless, int most, String key) {
        if (typed == null || typed.isBlank()) {
            return unless;
        }
        try {
            var value = Integer.parseInt(typed.strip());
            if (value >= 1 && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new DomainException(400, key, most);
    }

    long offset() {
        return (long) (page - 1) * perPage;
    }

    /**
     * The collection document: {@code rel} (such as {@code osdi:events}) names the resources; {@code path} is the
     * collection's absolute address, {@code query} the other parameters its links keep.
     */
    Map<String, Object> collection(String path, Map<String, String> query, String rel, List<Hal> items, long total) {
        long pages = total == 0 ? 0 : (total + perPage - 1) / perPage;
        var collection = Hal.empty()
                .put("total_pages", pages)
                .put("per_page", perPage)
                .put("page", page)
                .put("total_records", total)
                .link("self", address(path, query, page));
        if (page < pages) {
            collection.link("next", address(path, query, page + 1));
        }
        if (page > 1) {
            collection.link("prev", address(path, query, (int) Math.min(page - 1, Math.max(pages, 1))));
        }
        collection.links(
                rel,
                items.stream().map(Hal::self).filter(java.util.Objects::nonNull).toList());
        return collection.curies().embed(rel, Hal.documents(items)).document();
    }

    private String address(String path, Map<String, String> query, int number) {
        var link = UriComponentsBuilder.fromUriString(path);
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                link.queryParam(name, value.strip());
            }
        });
        if (number > 1) {
            link.queryParam("page", number);
        }
        if (perPage != DEFAULT) {
            link.queryParam("per_page", perPage);
        }
        return link.encode().build().toUriString();
    }
}
