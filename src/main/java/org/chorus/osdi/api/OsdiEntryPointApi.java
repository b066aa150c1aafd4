package org.chorus.osdi.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.chorus.shared.config.ChorusProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** OSDI's API entry point (AEP): who answers, and where each collection is. */
@RestController
class OsdiEntryPointApi {

    private final ChorusProperties settings;

    OsdiEntryPointApi(ChorusProperties settings) {
        this.settings = settings;
    }

    @GetMapping(
            path = {OsdiEventsApi.BASE, OsdiEventsApi.BASE + "/"},
            produces = {Hal.MEDIA_TYPE, "application/json"})
    @Operation(
            summary = "OSDI: the API entry point",
            description = "The collections this Chorus offers in OSDI 1.x (docs/api/osdi.md says what is covered).")
    Map<String, Object> entryPoint() {
        var base = settings.link(OsdiEventsApi.BASE);
        return Hal.empty()
                .put(
                        "motd",
                        "Chorus speaks a subset of OSDI 1.1: events, attendances, petitions, signatures, people "
                                + "named on public lists, organizations.")
                .put("vendor_name", "Chorus")
                .put("product_name", "Chorus")
                .put("osdi_version", "1.1")
                .put("max_pagesize", OsdiPage.MOST)
                .put("namespace", "chorus")
                .link("self", base)
                .link("osdi:events", base + "/events")
                .link("osdi:petitions", base + "/petitions")
                .link("osdi:organizations", base + "/organizations")
                .link("docs", settings.link("/api/v1/openapi.json"))
                .curies()
                .document();
    }
}
