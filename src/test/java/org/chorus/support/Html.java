package org.chorus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * Pages and letters read as a browser reads them (jsoup), so a test asserts on elements, attributes and text with CSS
 * selectors, and not on how the markup happens to be spelled (attribute order, quotes, entities, line breaks).
 */
public final class Html {

    private Html() {}

    public static Document parse(String html) {
        return Jsoup.parse(html, "http://localhost/");
    }

    /** The page a request answered. */
    public static Document parse(MvcResult result) {
        try {
            return parse(result.getResponse().getContentAsString());
        } catch (UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * An htmx answer: a piece of a page parsed as the content of {@code parent} (a {@code <tr>} is only a row inside a
     * table); its top-level elements are the children of the element returned.
     */
    public static Element fragment(MvcResult result, String parent) {
        try {
            var context = new Element(parent);
            context.appendChildren(Parser.parseFragment(
                    result.getResponse().getContentAsString(), new Element(parent), "http://localhost/"));
            return context;
        } catch (UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }

    /** The elements of {@code html} (a page or a letter) that match the CSS selector. */
    public static Elements select(String html, String selector) {
        return parse(html).select(selector);
    }

    /** The one element the selector must find; its value, attributes or text are what the test reads. */
    public static Element first(String html, String selector) {
        var found = parse(html).selectFirst(selector);
        assertThat(found).as("an element matching %s", selector).isNotNull();
        return found;
    }

    /** The page has an element matching the CSS selector. */
    public static ResultMatcher has(String selector) {
        return result -> assertThat(parse(result).select(selector))
                .as("elements matching %s", selector)
                .isNotEmpty();
    }

    /** The page has no element matching the CSS selector. */
    public static ResultMatcher hasNo(String selector) {
        return result -> assertThat(parse(result).select(selector))
                .as("elements matching %s", selector)
                .isEmpty();
    }
}
