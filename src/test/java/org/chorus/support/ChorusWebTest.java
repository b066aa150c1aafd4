package org.chorus.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with MockMvc, against the shared test database. Every web, API and browser
 * test uses exactly this, so Spring builds the context once per run. Anonymous GETs of public pages go through
 * PublicPageCache; a test that reads a page as a signed-in person should also send a session cookie, as browsers do.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(ClosingContexts.class)
@TestBeans
public @interface ChorusWebTest {}
