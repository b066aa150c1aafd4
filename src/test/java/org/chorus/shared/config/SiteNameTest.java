package org.chorus.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class SiteNameTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    private static SiteName siteName(String configured, Optional<String> coalition) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("coalition", (SiteName.Coalition) () -> coalition);
        return new SiteName(configured, beans.getBeanProvider(SiteName.Coalition.class), CLOCK);
    }

    @Test
    void the_configured_name_comes_first() {
        assertThat(siteName(" Climate League ", Optional.of("Debt Coalition")).name())
                .isEqualTo("Climate League");
    }

    @Test
    void without_a_configured_name_the_site_is_named_after_its_coalition() {
        assertThat(siteName("", Optional.of("Debt Coalition")).name()).isEqualTo("Debt Coalition");
    }

    @Test
    void without_either_the_site_is_chorus_never_its_host() {
        assertThat(siteName("", Optional.empty()).name()).isEqualTo("Chorus");
        assertThat(siteName(null, Optional.of(" ")).name()).isEqualTo("Chorus");
    }
}
