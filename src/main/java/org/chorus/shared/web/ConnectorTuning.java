package org.chorus.shared.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat writes an answer through a buffer per connection, 8 KB by default: a 37 KB statement page open for sign-on
 * (its two country lists alone weigh 23 KB) left in five writes, each copied from the heap into a temporary direct
 * buffer first. One direct buffer of 64 KB sends nearly every page in one write, without that copy: a cached
 * statement page went from 0.33 to 0.59 × nginx ({@code bench/statement-page.sh}; docs/performance.md, "The page
 * cache's hit path"). The cost is 64 KB of direct memory per open connection, pooled between connections.
 */
@Configuration
class ConnectorTuning implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Bytes of the buffer each connection writes its answer through. */
    static final int WRITE_BUFFER = 64 * 1024;

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers((TomcatConnectorCustomizer) connector -> {
            if (!connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER))
                    || !connector.setProperty("socket.directBuffer", "true")) {
                throw new IllegalStateException("Tomcat's connector refused its write buffer settings");
            }
        });
    }
}
