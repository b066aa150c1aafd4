package org.chorus.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * A use case tested with its module and the modules it depends on, not the whole application (Spring Modulith's
 * {@code @ApplicationModuleTest}; the module is the test's package), against the shared test database, clock and mail
 * server. Spring builds one context per module: every module test uses exactly this annotation and nothing that
 * changes the context (no {@code @MockitoBean}, no extra {@code @Import} or properties). Module structure is checked
 * once, by ModularityTest, not again for each module.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, verifyAutomatically = false)
@ActiveProfiles("test")
@ExtendWith(ClosingContexts.class)
@TestBeans
public @interface ChorusModuleTest {}
