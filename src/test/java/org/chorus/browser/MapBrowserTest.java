package org.chorus.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chorus.places.BoundingBox;
import org.chorus.places.GeoJson;
import org.chorus.places.GridCells;
import org.chorus.places.MapSettings;
import org.chorus.shared.web.SecurityHeaders;
import org.chorus.support.ChorusWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map component on a page that stands for the campaign page (src/test/resources/places/map-test.html, answered
 * with Chorus's own Content-Security-Policy) and a GeoJSON source that answers like the actions will: clusters at
 * low zoom, a flagship never clustered, points at high zoom with two at one spot. Leaflet, its images, the country
 * layer and the script come from the running Chorus; any request to another host is refused and fails the test.
 */
@ChorusWebTest
class MapBrowserTest extends BrowserJourney {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String HOSTILE = "Hostile <img src=x onerror=alert(1)>";

    @org.springframework.beans.factory.annotation.Autowired
    gg.jte.TemplateEngine templates;

    @org.springframework.beans.factory.annotation.Autowired
    org.chorus.shared.web.UiAdvice uiAdvice;

    private final List<String> elsewhere = new CopyOnWriteArrayList<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @Test
    void a_reader_sees_the_countries_zooms_into_a_cluster_and_opens_the_actions_at_one_place() {
        var base = "http://127.0.0.1:" + port;
        try (var context = browser.newContext(base, "en")) {
            context.route("**/*", route -> {
                var url = URI.create(route.request().url());
                if (!"127.0.0.1".equals(url.getHost())) {
                    elsewhere.add(route.request().url());
                    route.abort();
                } else if (url.getPath().equals("/map-test")) {
                    fulfill(route, "text/html;charset=UTF-8", page());
                } else if (url.getPath().equals("/map-test/actions.geojson")) {
                    fulfill(route, "application/geo+json", actions(url));
                } else {
                    route.resume();
                }
            });
            var page = context.newPage();
            var errors = new CopyOnWriteArrayList<String>();
            page.onPageError(errors::add);
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    errors.add(message.text());
                }
            });

            page.navigate("/map-test");

            var map = page.locator("#map");
            assertThat(page.getByRole(
                            com.microsoft.playwright.options.AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("See them as a list")))
                    .hasAttribute("href", "/map-test/list");
            assertThat(map).hasAttribute("aria-label", "Map of the actions");
            assertThat(map).hasClass(java.util.regex.Pattern.compile("chorus-map-countries-drawn"));
            assertThat(page.locator("#map path.chorus-map-country").first()).isAttached();
            assertThat(page.locator("#map path.chorus-map-country")).hasCount(177);
            var cluster = page.locator(".chorus-map-cluster");
            assertThat(cluster).hasCount(1);
            assertThat(cluster).hasText("3");
            assertThat(cluster).hasAttribute("title", "3 here: zoom in");
            assertThat(page.locator(".chorus-map-flagship")).hasCount(1);
            assertThat(asked)
                    .first()
                    .satisfies(query -> assertThat(query).contains("kind=all").contains("zoom=2"));
            Browser.assertAxeClean(page, "the map at world zoom");

            // a flagship stands apart and opens with its link; a hostile item stays text and links nowhere
            page.locator(".chorus-map-flagship").click();
            var flagship = page.locator(".leaflet-popup-content .chorus-map-item-flagship a.chorus-map-title");
            assertThat(flagship).hasText("Vigil at the consulate");
            assertThat(flagship).hasAttribute("href", "/a/vigil");
            page.getByTitle(HOSTILE).click();
            assertThat(page.locator(".leaflet-popup-content strong.chorus-map-title"))
                    .hasText(HOSTILE);
            assertThat(page.locator(".leaflet-popup-content a, .leaflet-popup-content img"))
                    .hasCount(0);
            page.keyboard().press("Escape");

            // a keyboard reader reaches the cluster and opens it with Enter: the map zooms in and asks again
            cluster.focus();
            page.keyboard().press("Enter");
            page.waitForCondition(() -> asked.stream().anyMatch(q -> q.contains("zoom=4")));
            assertThat(page.locator(".chorus-map-cluster")).hasCount(0);
            var together = page.getByTitle("2 at this place");
            assertThat(together).hasCount(1);

            together.focus();
            page.keyboard().press("Enter");
            var popup = page.locator(".leaflet-popup-content");
            assertThat(popup.locator(".chorus-map-several")).hasText("2 at this place");
            assertThat(popup.locator("li a.chorus-map-title"))
                    .hasText(new String[] {"Teach-in at the library", "Letters to <b>Parliament</b>"});
            assertThat(popup.locator("li a.chorus-map-title").first()).hasAttribute("href", "/a/teach-in");
            // text from the data stays text: no element was made from it
            assertThat(popup.locator("b")).hasCount(0);
            assertThat(popup.locator(".chorus-map-when").first()).hasText("12 October 2026, 18:00 (Toronto)");

            // the popup fades in: contrast is measured once it is fully there
            page.waitForCondition(() -> Boolean.TRUE.equals(
                    page.evaluate("getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")));
            Browser.assertAxeClean(page, "the map with an open popup");

            var transferred = ((Number) page.evaluate(
                            "performance.getEntriesByType('resource').reduce((sum, r) => sum + r.encodedBodySize, 0)"
                                    + " + performance.getEntriesByType('navigation')[0].encodedBodySize"))
                    .longValue();
            assertThat(transferred).as("bytes the map page transferred").isLessThan(300_000);
            assertThat(errors).isEmpty();
            assertThat(elsewhere).as("requests to other hosts").isEmpty();
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/map-zoomed.png")));
        }
    }

    private static void fulfill(Route route, String type, String body) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Content-Type", type);
        headers.put("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        route.fulfill(
                new Route.FulfillOptions().setStatus(200).setHeaders(headers).setBody(body));
    }

    /** The test page with the map partials as Chorus renders them for an English reader. */
    private String page() {
        try (var in = MapBrowserTest.class.getResourceAsStream("/places/map-test.html")) {
            var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/map-test");
            request.addHeader("Accept-Language", "en");
            var ui = uiAdvice.uiFor(request);
            var head = new gg.jte.output.StringOutput();
            templates.render("places/map-head.jte", Map.of("ui", ui), head);
            var map = new gg.jte.output.StringOutput();
            templates.render(
                    "places/map.jte",
                    Map.of(
                            "ui", ui,
                            "settings", new MapSettings("", ""),
                            "id", "map",
                            "geojson", "/map-test/actions.geojson?kind=all",
                            "listHref", "/map-test/list",
                            "label", "Map of the actions",
                            "clusterKey", "map.cluster",
                            "severalKey", "map.several"),
                    map);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("<!--map-head-->", head.toString())
                    .replace("<!--map-->", map.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers as the actions' GeoJSON will: the box and zoom are read by Chorus's own parsers, or the test fails. */
    private String actions(URI url) {
        var query = UriComponentsBuilder.fromUri(url).build().getQueryParams();
        asked.add(url.getRawQuery());
        var box = BoundingBox.parse(query.getFirst("bbox"));
        var cells = GridCells.parse(query.getFirst("zoom"));
        var manila = GeoJson.item(
                "flagship",
                14.5995,
                120.9842,
                "Vigil at the consulate",
                "12 October 2026, 19:00 (Manila)",
                "/a/vigil",
                true);
        List<GeoJson.Feature> features = cells.zoom() < 4
                ? List.of(
                        GeoJson.cluster(43.70, -79.42, 3),
                        manila,
                        // what GeoJson.item refuses to make, as a broken or hostile source could send it
                        new GeoJson.Feature(
                                "Feature",
                                "hostile",
                                new GeoJson.Point(-1.2864, 36.8172),
                                Map.of("title", HOSTILE, "url", "javascript:alert(1)")))
                : List.of(
                        GeoJson.item(
                                "t1",
                                43.65,
                                -79.38,
                                "Teach-in at the library",
                                "12 October 2026, 18:00 (Toronto)",
                                "/a/teach-in",
                                false),
                        GeoJson.item(
                                "t2",
                                43.65,
                                -79.38,
                                "Letters to <b>Parliament</b>",
                                "13 October 2026, 10:00 (Toronto)",
                                "/a/letters",
                                false),
                        GeoJson.item(
                                "t3",
                                43.26,
                                -79.87,
                                "March in Hamilton",
                                "12 October 2026, 12:00 (Toronto)",
                                "/a/march",
                                false),
                        manila);
        var visible = features.stream()
                .filter(f -> box.contains(
                        f.geometry().coordinates().get(1),
                        f.geometry().coordinates().get(0)))
                .toList();
        return JSON.writeValueAsString(new GeoJson.FeatureCollection(visible));
    }
}
