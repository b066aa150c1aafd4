package org.chorus.support;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chorus in a JVM of its own, for the crash tests that kill it with SIGKILL: the test's class path, a test database,
 * the test mail server, the given data keys, warnings only, its output appended to a log; {@code properties} are
 * further {@code name=value} settings, then the child's main class and its arguments.
 */
public final class ChildChorus {

    private ChildChorus() {}

    public static Process start(
            String databaseUrl, String dataKeys, File log, List<String> properties, Class<?> main, String... arguments)
            throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dspring.datasource.url=" + databaseUrl,
                "-Dspring.datasource.username=postgres",
                "-Dchorus.mail.host=127.0.0.1",
                "-Dchorus.mail.port=" + TestMail.server().getSmtp().getPort(),
                "-Dlogging.level.root=warn"));
        properties.forEach(property -> command.add("-D" + property));
        command.add(main.getName());
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("CHORUS_DATA_KEYS", dataKeys);
        return builder.start();
    }
}
