package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/** The connector Chorus runs on writes answers through one direct buffer large enough for a whole page. */
@ChorusWebTest
class ConnectorTuningTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void the_connector_writes_through_a_direct_buffer_of_64_kb() {
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize")))
                .isEqualTo("65536");
        assertThat(String.valueOf(connector.getProperty("socket.directBuffer"))).isEqualTo("true");
    }

    @Test
    void an_answer_larger_than_the_buffer_arrives_whole() {
        // the API description is well over 64 KB: it leaves in several writes and must arrive byte for byte
        var answer = RawHttp.exchange(port, "GET", "/api/v1/openapi.json", Map.of(), null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text().length()).isGreaterThan(ConnectorTuning.WRITE_BUFFER);
        assertThat(answer.text().strip()).startsWith("{").endsWith("}");
    }
}
