package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: the Prometheus client's text format, a latency histogram by route, JVM and process metrics. */
class MetricsExpositionTest {
  /** A sample line of the text format: name, optional labels, a value. */
  private static final Pattern SAMPLE =
      Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)");

  @Test
  void metricsParseAndHoldALatencyHistogramByRouteAndTheJvmAndProcessMetrics() throws Exception {
    try (ServerHarness s = new ServerHarness(Path.of("rules"), null)) {
      s.postJson("/v1/decisions", Files.readAllBytes(Path.of("facts-samples/sc-05-company-b.json")));
      s.get("/healthz");
      String text = s.get("/metrics").body();
      for (String line : text.split("\n")) {
        assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ") || SAMPLE.matcher(line).matches(), line);
      }
      assertTrue(text.contains("# TYPE bvb_http_request_duration_seconds histogram"), text);
      for (double le : Metrics.LATENCY_BUCKETS) {
        assertTrue(text.contains("bvb_http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/decisions\",le=\"" + le + "\"} "),
            "bucket " + le + " in:\n" + text);
      }
      assertTrue(text.contains("bvb_http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/decisions\",le=\"+Inf\"} 1"), text);
      assertTrue(text.contains("bvb_http_request_duration_seconds_count{method=\"GET\",route=\"/healthz\"} 1"), text);
      for (String name : new String[] {"bvb_http_requests_total{", "bvb_decisions_total{", "bvb_rule_reloads_total ",
          "bvb_rule_reload_failures_total ", "bvb_rule_reload_error ", "bvb_http_requests_in_flight ", "bvb_rule_set_info{",
          "jvm_memory_used_bytes{", "jvm_threads_current ", "jvm_gc_collection_seconds_count{", "process_cpu_seconds_total ",
          "process_start_time_seconds ", "jvm_compilation_time_seconds_total "}) {
        assertTrue(text.contains("\n" + name), name + " in:\n" + text);
      }
      promtoolAgrees(text);
    }
  }

  /** Where promtool is installed (Debian's prometheus package), it checks the text too. */
  private static void promtoolAgrees(String text) throws Exception {
    Path promtool = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
    assumeTrue(promtool != null, "promtool is not installed");
    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    p.getOutputStream().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertEquals("", out.trim(), "promtool's lint");
  }
}
