package org.chorus.places;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of places and the map, bound from {@code chorus.places.*} and {@code chorus.map.*} (docs/maps.md).
 *
 * @param suggestionsPerMinute city suggestions one network prefix (IPv4 /24, IPv6 /48) may ask for per minute: a
 *     person typing asks for one every few keystrokes, a script walking the gazetteer for thousands
 */
@ConfigurationProperties("chorus.places")
public record PlacesSettings(@DefaultValue("300") int suggestionsPerMinute) {}
