package bvb.serve;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request and decision counters, written in the Prometheus text exposition format (0.0.4). */
final class Metrics {
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
  private final LongAdder durationMicros = new LongAdder();
  private final LongAdder durationCount = new LongAdder();

  /** One answered request; {@code route} is the route template, never the raw path. */
  void request(String method, String route, int status, long nanos) {
    String key = "method=\"" + method + "\",route=\"" + route + "\",status=\"" + status + "\"";
    requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    durationMicros.add(nanos / 1000);
    durationCount.increment();
  }

  void decision(String strategy) {
    decisions.computeIfAbsent("strategy=\"" + strategy + "\"", k -> new LongAdder()).increment();
  }

  String render(Snapshot s, RuleReloader reloader, int inFlight) {
    StringBuilder b = new StringBuilder();
    counter(b, "bvb_http_requests_total", "HTTP requests answered, by method, route and status.", requests);
    counter(b, "bvb_decisions_total", "Decisions made, by recommended strategy.", decisions);
    b.append("# HELP bvb_http_request_duration_seconds Time from routing to the last response byte.\n");
    b.append("# TYPE bvb_http_request_duration_seconds summary\n");
    b.append("bvb_http_request_duration_seconds_sum ").append(durationMicros.sum() / 1e6).append('\n');
    b.append("bvb_http_request_duration_seconds_count ").append(durationCount.sum()).append('\n');
    b.append("# HELP bvb_http_requests_in_flight Requests being handled now.\n");
    b.append("# TYPE bvb_http_requests_in_flight gauge\n");
    b.append("bvb_http_requests_in_flight ").append(inFlight).append('\n');
    java.util.function.LongSupplier jit = Warmup.compileMillis();
    if (jit != null) {
      b.append("# HELP bvb_jvm_jit_compile_seconds_total Time the JVM's JIT compilers have spent compiling since start (warm-up included).\n");
      b.append("# TYPE bvb_jvm_jit_compile_seconds_total counter\n");
      b.append("bvb_jvm_jit_compile_seconds_total ").append(jit.getAsLong() / 1e3).append('\n');
    }
    b.append("# HELP bvb_rule_reloads_total Rule set or catalog reloads swapped in.\n");
    b.append("# TYPE bvb_rule_reloads_total counter\n");
    b.append("bvb_rule_reloads_total ").append(reloader.reloads()).append('\n');
    b.append("# HELP bvb_rule_reload_failures_total Edits that did not compile or validate (last good kept).\n");
    b.append("# TYPE bvb_rule_reload_failures_total counter\n");
    b.append("bvb_rule_reload_failures_total ").append(reloader.reloadFailures()).append('\n');
    b.append("# HELP bvb_rule_set_info The active rule set and catalog.\n");
    b.append("# TYPE bvb_rule_set_info gauge\n");
    b.append("bvb_rule_set_info{sha256=\"").append(s.ruleSetHash()).append("\",catalog_sha256=\"")
        .append(s.catalogHash() == null ? "" : s.catalogHash()).append("\"} 1\n");
    b.append("# HELP bvb_rule_reload_error 1 while the last edit of the rules or catalog is broken.\n");
    b.append("# TYPE bvb_rule_reload_error gauge\n");
    b.append("bvb_rule_reload_error ").append(reloader.lastError() == null ? 0 : 1).append('\n');
    return b.toString();
  }

  private static void counter(StringBuilder b, String name, String help, Map<String, LongAdder> series) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(" counter\n");
    new TreeMap<>(series).forEach((labels, v) ->
        b.append(name).append('{').append(labels).append("} ").append(v.sum()).append('\n'));
  }
}
