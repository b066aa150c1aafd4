package org.chorus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bench/pages and bench/search keep working between the runs that measure: their shell parses, they explain
 * themselves, refuse what they do not know, and compute percentiles right. Nothing here is timed or starts Chorus.
 */
class BenchScriptsTest {

    private static final List<String> BENCHES = List.of("bench/pages", "bench/search", "bench/actions-map");

    record Run(int status, String output) {}

    private static Run run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void the_benchmark_scripts_are_valid_shell() throws Exception {
        for (var script : List.of(
                "bench/pages",
                "bench/search",
                "bench/actions-map",
                "bench/api",
                "bench/signon-burst.sh",
                "bench/rsvp-reminders.sh",
                "bench/federation-delivery.sh",
                "bench/lib/harness.sh")) {
            assertThat(run("bash", "-n", script).status()).as(script).isZero();
        }
    }

    @Test
    void each_benchmark_prints_its_usage_on_help() throws Exception {
        for (var bench : BENCHES) {
            var help = run(bench, "--help");
            assertThat(help.status()).as(bench).isZero();
            assertThat(help.output()).contains("Usage: " + bench, "--data-dir", "--url", "--requests");
        }
    }

    @Test
    void an_unknown_option_or_a_bad_number_is_refused_before_anything_starts() throws Exception {
        for (var bench : BENCHES) {
            var unknown = run(bench, "--colour", "blue");
            assertThat(unknown.status()).as(bench).isEqualTo(2);
            assertThat(unknown.output()).contains("unknown option '--colour'");
            assertThat(run(bench, "--requests", "many").status()).as(bench).isEqualTo(2);
        }
    }

    @Test
    void the_sign_on_burst_explains_itself_and_refuses_bad_options_before_starting_anything() throws Exception {
        var bench = "bench/signon-burst.sh";
        var help = run(bench, "--help");
        assertThat(help.status()).isZero();
        assertThat(help.output()).contains("Usage: " + bench, "--duration", "--connections", "pgbench");
        var unknown = run(bench, "--colour", "blue");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown option '--colour'");
        assertThat(run(bench, "--duration", "long").status()).isEqualTo(2);
    }

    @Test
    void the_api_benchmark_explains_itself_and_refuses_bad_options_before_starting_anything() throws Exception {
        var bench = "bench/api";
        var help = run(bench, "--help");
        assertThat(help.status()).isZero();
        assertThat(help.output()).contains("Usage: " + bench, "--connections", "--url", "60 s");
        var unknown = run(bench, "--colour", "blue");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown option '--colour'");
        assertThat(run(bench, "--connections", "many").status()).isEqualTo(2);
    }

    @Test
    void percentiles_are_nearest_rank_over_the_successful_answers_and_errors_are_counted_apart() throws Exception {
        var selftest = run("bash", "bench/lib/harness.sh", "selftest");
        assertThat(selftest.output()).contains("ok");
        assertThat(selftest.status()).isZero();
    }
}
