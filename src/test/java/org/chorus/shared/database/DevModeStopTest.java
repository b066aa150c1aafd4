package org.chorus.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.chorus.ChorusApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bin/chorus dev} stops cleanly on SIGTERM: a real Chorus process in the dev profile, with its own embedded
 * PostgreSQL in a throwaway data directory, answers a few pages and is sent SIGTERM. It must exit within the
 * documented 20 s (spring.lifecycle.timeout-per-shutdown-phase), close the application before the database, and log
 * no error.
 */
class DevModeStopTest {

    static final Duration DOCUMENTED_STOP = Duration.ofSeconds(20);

    Path data;
    Process chorus;

    @AfterEach
    void cleanUp() throws IOException {
        if (chorus != null && chorus.isAlive()) {
            chorus.destroyForcibly();
        }
        var pid = data == null ? null : data.resolve("postgres/postmaster.pid");
        if (pid != null && Files.exists(pid)) { // a postmaster left behind runs in a session of its own
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip()))
                    .ifPresent(ProcessHandle::destroy);
        }
        if (data != null) {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    @Test
    void sigterm_stops_the_application_then_its_database_within_the_documented_time() throws Exception {
        data = Files.createTempDirectory("chorus-dev-stop");
        int port = freePort();
        var lines = new CopyOnWriteArrayList<String>();
        var ready = new CompletableFuture<Void>();
        chorus = start(port, freePort());
        var reader = Thread.ofPlatform().daemon().start(() -> {
            try (var output =
                    new BufferedReader(new InputStreamReader(chorus.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = output.readLine()) != null; ) {
                    lines.add(line);
                    if (line.contains("Chorus is running at")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone; what it wrote is in lines
            }
            ready.completeExceptionally(new IllegalStateException("Chorus exited before it was ready"));
        });
        ready.get(240, TimeUnit.SECONDS);
        try (var http = HttpClient.newHttpClient()) {
            for (var page : List.of("/", "/statements", "/search?q=climate")) {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).as(page).isEqualTo(200);
            }
        }
        // dev mode answers this machine only: its demo accounts and /dev/mail's links are not for the network
        assertThat(listeningAddresses(port)).isNotEmpty().allMatch(address -> address.isLoopbackAddress());

        long start = System.nanoTime();
        chorus.toHandle().destroy(); // SIGTERM (Process.destroy() would also close the output we read)
        boolean exited = chorus.waitFor(DOCUMENTED_STOP.toSeconds(), TimeUnit.SECONDS);
        var took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("dev stop: SIGTERM to exit in %d ms%n", took.toMillis());
        assertThat(exited)
                .as("stopped within %s; output:%n%s", DOCUMENTED_STOP, String.join("\n", lines))
                .isTrue();
        assertThat(reader.join(Duration.ofSeconds(10)))
                .as("the output is read to its end")
                .isTrue();
        assertThat(chorus.exitValue()).isEqualTo(143);

        var stopping = lines.subList(indexOf(lines, "Commencing graceful shutdown"), lines.size());
        assertThat(stopping)
                .as("what the stop logged")
                .noneMatch(line -> line.contains(" ERROR ") || line.contains(" WARN "))
                .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        assertThat(indexOf(stopping, "chorus-dev - Shutdown completed"))
                .as("the connection pool closes before the database stops")
                .isLessThan(indexOf(stopping, "shut down postmaster"));
    }

    private Process start(int port, int databasePort) throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        // the application's class path, without the test classes (their components would join the application)
        var classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        var builder = new ProcessBuilder(new ArrayList<>(
                        List.of(java, "-Xshare:auto", "-cp", classPath, ChorusApplication.class.getName())))
                .redirectErrorStream(true);
        var environment = builder.environment();
        environment.put("SPRING_PROFILES_ACTIVE", "dev");
        environment.put("CHORUS_DATA_DIR", data.toString());
        environment.put("CHORUS_PORT", String.valueOf(port));
        environment.put("CHORUS_DEV_DATABASE_PORT", String.valueOf(databasePort));
        return builder.start();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + text + "' in:\n" + String.join("\n", lines));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The addresses a socket listens on at this port, as the kernel lists them (Linux's /proc/net). */
    private static List<java.net.InetAddress> listeningAddresses(int port) throws IOException {
        var found = new java.util.ArrayList<java.net.InetAddress>();
        for (var table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (var line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                var fields = line.strip().split("\\s+");
                var local = fields[1].split(":");
                if (fields[3].equals("0A") && Integer.parseInt(local[1], 16) == port) { // 0A: LISTEN
                    found.add(java.net.InetAddress.getByAddress(kernelOrder(local[0])));
                }
            }
        }
        return found;
    }

    /** /proc/net prints an address as 32-bit words in the machine's (little-endian) byte order. */
    private static byte[] kernelOrder(String hex) {
        var bytes = java.util.HexFormat.of().parseHex(hex);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                var swap = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = swap;
            }
        }
        return bytes;
    }
}
