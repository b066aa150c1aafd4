package org.chorus.actions;

import org.chorus.places.City;

/**
 * Where an action happens: a venue and address in a city of the gazetteer, and the pin ({@code latitude},
 * {@code longitude}), the city's centre unless the host moved it.
 */
public record ActionPlace(
        String venue,
        String address,
        long cityId,
        String cityName,
        String country,
        double latitude,
        double longitude,
        double cityLatitude,
        double cityLongitude) {

    static ActionPlace in(City city, String venue, String address, Double latitude, Double longitude) {
        return new ActionPlace(
                venue,
                address,
                city.id(),
                city.name(),
                city.countryCode(),
                latitude == null ? city.latitude() : latitude,
                longitude == null ? city.longitude() : longitude,
                city.latitude(),
                city.longitude());
    }
}
