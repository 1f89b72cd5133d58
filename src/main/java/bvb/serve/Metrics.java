package bvb.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A server's metrics, through the Prometheus Java client: request counts and a latency histogram
 * by route, decisions by strategy, the rule set and its reloads, and (shared by every server of the
 * process) the client's standard JVM and process metrics. Written in the Prometheus text format.
 */
final class Metrics {
  /** Content type of {@link #scrape}. */
  static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  /**
   * Upper bounds of the latency histogram's buckets, in seconds: a decision takes about a
   * millisecond, a slow one tens; the largest bounds catch requests that queued or hit the
   * decision timeout.
   */
  static final double[] LATENCY_BUCKETS = {
    0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  /** JVM and process metrics: one set per process, however many servers it runs. */
  private static final PrometheusRegistry JVM = jvmRegistry();

  private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests;
  private final Histogram latency;
  private final Counter decisions;

  /**
   * @param snapshot the active snapshot (null until the rules are loaded)
   * @param reloader the reloader (null until the rules are loaded)
   * @param inFlight requests queued or being handled now
   */
  Metrics(Supplier<Snapshot> snapshot, Supplier<RuleReloader> reloader, IntSupplier inFlight) {
    requests = Counter.builder().name("bvb_http_requests_total")
        .help("HTTP requests answered, by method, route and status.")
        .labelNames("method", "route", "status").withoutExemplars().register(registry);
    latency = Histogram.builder().name("bvb_http_request_duration_seconds")
        .help("Time from routing a request to its last response byte, by method and route.")
        .labelNames("method", "route").classicOnly().classicUpperBounds(LATENCY_BUCKETS).withoutExemplars()
        .register(registry);
    decisions = Counter.builder().name("bvb_decisions_total")
        .help("Decisions made, by recommended strategy.")
        .labelNames("strategy").withoutExemplars().register(registry);
    GaugeWithCallback.builder().name("bvb_http_requests_in_flight").help("Requests queued or being handled now.")
        .callback(cb -> cb.call(inFlight.getAsInt())).register(registry);
    CounterWithCallback.builder().name("bvb_rule_reloads_total").help("Rule set or catalog reloads swapped in.")
        .callback(cb -> cb.call(reloader.get() == null ? 0 : reloader.get().reloads())).register(registry);
    CounterWithCallback.builder().name("bvb_rule_reload_failures_total")
        .help("Edits that did not compile or validate (last good kept).")
        .callback(cb -> cb.call(reloader.get() == null ? 0 : reloader.get().reloadFailures())).register(registry);
    GaugeWithCallback.builder().name("bvb_rule_set_info").help("The active rule set and catalog.")
        .labelNames("sha256", "catalog_sha256")
        .callback(cb -> {
          Snapshot s = snapshot.get();
          if (s != null) {
            cb.call(1, s.ruleSetHash(), s.catalogHash() == null ? "" : s.catalogHash());
          }
        }).register(registry);
    GaugeWithCallback.builder().name("bvb_rule_reload_error").help("1 while the last edit of the rules or catalog is broken.")
        .callback(cb -> cb.call(reloader.get() != null && reloader.get().lastError() != null ? 1 : 0)).register(registry);
  }

  private static PrometheusRegistry jvmRegistry() {
    PrometheusRegistry r = new PrometheusRegistry();
    JvmMetrics.builder().register(r);
    return r;
  }

  /** One answered request; {@code route} is the route template, never the raw path. */
  void request(String method, String route, int status, long nanos) {
    requests.labelValues(method, route, Integer.toString(status)).inc();
    latency.labelValues(method, route).observe(nanos / 1e9);
  }

  void decision(String strategy) {
    decisions.labelValues(strategy).inc();
  }

  /** This server's metrics and the process's, in the Prometheus text format (0.0.4). */
  byte[] scrape() throws IOException {
    MetricSnapshots.Builder all = MetricSnapshots.builder();
    for (MetricSnapshot s : registry.scrape()) {
      all.metricSnapshot(s);
    }
    for (MetricSnapshot s : JVM.scrape()) {
      all.metricSnapshot(s);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    WRITER.write(out, all.build());
    return out.toByteArray();
  }
}
