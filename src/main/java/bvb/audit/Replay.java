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
  public record Outcome(String id, String before, String after, boolean rulesChanged, List<String> differences) {
    public boolean same() {
      return differences.isEmpty();
    }

    public boolean flipped() {
      return !before.equals(after);
    }
  }

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
    boolean rulesChanged = !record.path("ruleSetSha256").asText().equals(now.ruleSetHash());
    return new Outcome(AuditRecord.id(record), before, now.strategy().name(), rulesChanged, diff);
  }
}
