package org.chorus.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorus.shared.web.SecurityHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MapSettingsTest {

    @Test
    void without_a_tile_server_the_policy_lets_images_come_from_chorus_only() {
        assertThat(new MapSettings("", "").tiles()).isFalse();
        assertThat(SecurityHeaders.contentSecurityPolicy(""))
                .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("img-src 'self' data:;");
    }

    @Test
    void a_configured_tile_server_may_serve_images_and_nothing_else() {
        var settings = new MapSettings(" https://tiles.example.org/{z}/{x}/{y}.png ", "© Example tiles");

        assertThat(settings.tiles()).isTrue();
        assertThat(settings.tileUrl()).isEqualTo("https://tiles.example.org/{z}/{x}/{y}.png");
        var policy = SecurityHeaders.contentSecurityPolicy(settings.tileUrl());
        assertThat(policy)
                .contains("img-src 'self' data: https://tiles.example.org;")
                .contains("script-src 'self';")
                .contains("connect-src 'self';");
        assertThat(SecurityHeaders.tileOrigin("https://{s}.tile.example.net:8443/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.example.net:8443");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://tiles.example.org/{z}/{x}/{y}.png",
                "https://tiles.example.org/tiles.png",
                "https://tiles.example.org;script-src *;/{z}/{x}/{y}.png",
                "https://user@tiles.example.org/{z}/{x}/{y}.png",
                "javascript:alert(1)//{z}/{x}/{y}"
            })
    void a_tile_url_that_is_not_plain_https_with_z_x_y_stops_the_start(String url) {
        assertThatThrownBy(() -> new MapSettings(url, "")).hasMessageContaining("chorus.map.tile-url");
    }
}
