package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceTest {

    @ParameterizedTest(name = "{1} on {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0|Firefox|Android",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|Chrome|Windows",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0|Edge|Windows",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1|Safari|iOS",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15|Safari|macOS",
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0|Firefox|Linux",
                "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36|Samsung Internet|Android",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0|Opera|Linux",
                "curl/8.5.0|-|-",
            })
    void the_device_is_a_browser_family_and_a_system_nothing_finer(String userAgent, String browser, String os) {
        var device = Device.of(userAgent);
        assertThat(device.browser()).isEqualTo(browser);
        assertThat(device.os()).isEqualTo(os);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {"-", "''"})
    void no_user_agent_is_an_unknown_device(String userAgent) {
        assertThat(Device.of(userAgent)).isEqualTo(new Device(null, null));
    }
}
