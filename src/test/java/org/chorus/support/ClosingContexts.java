package org.chorus.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When all tests have run (JUnit closes its root store), closes the Spring contexts before the JVM exits, so nothing
 * closes against a database that is already stopping.
 */
public class ClosingContexts implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(
                        ClosingContexts.class, key -> (AutoCloseable) TestDatabase::closeContexts, AutoCloseable.class);
    }
}
