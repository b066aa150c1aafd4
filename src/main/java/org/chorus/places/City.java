package org.chorus.places;

import java.time.ZoneId;

/** A city of the gazetteer: its GeoNames id, name as GeoNames writes it, ISO 3166 country, position and zone. */
public record City(
        long id, String name, String countryCode, double latitude, double longitude, int population, ZoneId timeZone) {}
