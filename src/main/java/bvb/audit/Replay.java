package bvb.audit;

import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Re-runs a logged decision's facts with today's rules and says what moved. */
public final class Replay {
  private Replay() {}

  /** The outcome of one replay; {@code differences} empty means "same". */
  public record Outcome(
      String id, String before, String after, boolean rulesChanged, boolean catalogChanged, List<String> differences) {
    public boolean same() {
      return differences.isEmpty();
    }

    public boolean flipped() {
      return !before.equals(after);
    }
  }

  /** The TCO horizon a logged decision was priced over, or 0 when it had no tco section. */
  public static int horizonOf(JsonNode record) {
    return record.path("decision").path("tco").path("horizonMonths").asInt(0);
  }

  /**
   * Re-decides the record's facts with {@code engine} (which should price over the record's own
   * horizon, {@link #horizonOf}) and lists what moved: strategy, confidence, rules that newly fire
   * or no longer fire, and TCO totals per strategy.
   */
  public static Outcome replay(JsonNode record, Engine engine) {
    byte[] facts = record.path("facts").asText().getBytes(StandardCharsets.UTF_8);
    Decision now = engine.decide(FactsLoader.parse(record.path("factsOrigin").asText(), facts).facts());
    JsonNode then = record.path("decision");
    List<String> diff = new ArrayList<>();
    String before = then.at("/recommendation/strategy").asText();
    if (!before.equals(now.strategy().name())) {
      diff.add("strategy: " + before + " -> " + now.strategy());
    }
    String confBefore = then.at("/recommendation/confidence").asText();
    if (!confBefore.equals(now.confidence().name())) {
      diff.add("confidence: " + confBefore + " -> " + now.confidence());
    }
    Set<String> firedBefore = new LinkedHashSet<>();
    then.path("firedRules").forEach(f -> firedBefore.add(f.path("ruleId").asText()));
    Set<String> firedNow = new LinkedHashSet<>(now.firedRuleIds());
    firedNow.stream().filter(id -> !firedBefore.contains(id)).forEach(id -> diff.add("newly fires: " + id));
    firedBefore.stream().filter(id -> !firedNow.contains(id)).forEach(id -> diff.add("no longer fires: " + id));
    tcoMoves(then.path("tco"), now, diff);
    oddsMoves(record, engine, diff);
    boolean rulesChanged = !record.path("ruleSetSha256").asText().equals(now.ruleSetHash());
    String catalogThen = then.path("tco").path("catalogSha256").asText("");
    boolean catalogChanged = now.tco() != null && !catalogThen.equals(now.tco().catalogSha256());
    return new Outcome(AuditRecord.id(record), before, now.strategy().name(), rulesChanged, catalogChanged, diff);
  }

  /** The decision's cost odds (bvb simulate's one line), drawn again with the logged seed and sample count. */
  private static void oddsMoves(JsonNode record, Engine engine, List<String> diff) {
    JsonNode logged = record.path("uncertainty");
    if (!logged.isObject()) {
      return;
    }
    bvb.uncertainty.CostOdds then = bvb.uncertainty.CostOdds.fromJson(logged);
    byte[] facts = record.path("facts").asText().getBytes(StandardCharsets.UTF_8);
    bvb.uncertainty.CostOdds now = bvb.uncertainty.CostOdds.of(
        FactsLoader.parse(record.path("factsOrigin").asText(), facts), engine, then.seed(), then.samples());
    String after = now == null ? "(no ranges)" : now.summary();
    if (!then.summary().equals(after)) {
      diff.add("cost odds: " + then.summary() + " -> " + after);
    }
  }

  /** Horizon and buffered totals per strategy that moved by more than half a dollar. */
  private static void tcoMoves(JsonNode tcoThen, Decision now, List<String> diff) {
    if (now.tco() == null || tcoThen.isMissingNode() || tcoThen.isNull()) {
      return;
    }
    now.tco().results().forEach((strategy, result) -> {
      JsonNode was = tcoThen.path("results").path(strategy.name());
      move("TCO " + strategy + " total", was.path("horizonTotalUsd"), result.horizonTotalUsd(), diff);
      if (result.bufferedTotalUsd() != null) {
        move("TCO " + strategy + " buffered total", was.path("bufferedTotalUsd"), result.bufferedTotalUsd(), diff);
      }
    });
  }

  private static void move(String what, JsonNode was, double now, List<String> diff) {
    if (!was.isNumber()) {
      diff.add(what + ": new, " + String.format(java.util.Locale.ROOT, "$%,.0f", now));
    } else if (Math.abs(was.asDouble() - now) > 0.5) {
      diff.add(String.format(java.util.Locale.ROOT, "%s: $%,.0f -> $%,.0f", what, was.asDouble(), now));
    }
  }
}
