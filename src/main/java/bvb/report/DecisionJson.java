package bvb.report;

import bvb.engine.Conclusion;
import bvb.engine.Decision;
import bvb.engine.Firing;
import bvb.facts.Strategy;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The documented, stable JSON form of a decision ({@code bvb decide --format json}). Field order
 * is fixed here; the README's "Decision JSON" section describes every field.
 */
public final class DecisionJson {
  /** Version of this JSON layout; bumped on any incompatible change. */
  public static final int FORMAT_VERSION = 1;

  private DecisionJson() {}

  public static ObjectNode toJson(Decision d, String bvbVersion) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("format", FORMAT_VERSION);
    root.put("bvbVersion", bvbVersion);
    root.put("name", d.name());
    ObjectNode rec = root.putObject("recommendation");
    Strategy s = d.strategy();
    rec.put("strategy", s.name());
    rec.put("family", s.family().name());
    rec.put("confidence", d.confidence().name());
    rec.put("path", d.recommendation().path());
    rec.put("ruleId", d.recommendation().ruleId());
    rec.put("source", d.recommendation().source());
    rec.put("text", d.recommendation().text());
    root.set("volume", Json.MAPPER.valueToTree(d.volume()));
    root.set("verdicts", list(d.verdicts()));
    root.set("reasons", list(d.reasons()));
    root.set("exclusions", list(d.exclusions()));
    root.set("warnings", list(d.warnings()));
    root.set("nextSteps", list(d.nextSteps()));
    root.set("conflicts", list(d.conflicts()));
    root.set("whyNot", Json.MAPPER.valueToTree(d.whyNot()));
    root.set("firedRules", firings(d.firings()));
    root.set("tco", d.tco() == null ? null : Json.MAPPER.valueToTree(d.tco()));
    root.putObject("ruleSet").put("sha256", d.ruleSetHash());
    return root;
  }

  private static ArrayNode list(List<? extends Conclusion> items) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    items.forEach(c -> a.add(Json.MAPPER.valueToTree(c)));
    return a;
  }

  private static ArrayNode firings(List<Firing> firings) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (Firing f : firings) {
      ObjectNode n = a.addObject();
      n.put("seq", f.seq());
      n.put("ruleId", f.ruleId());
      n.put("name", f.ruleName());
      n.put("source", f.source());
      n.put("phase", f.phase());
      ArrayNode matched = n.putArray("matched");
      for (Object fact : f.matched()) {
        ObjectNode m = matched.addObject();
        m.put("type", fact.getClass().getSimpleName());
        m.set("fact", Json.MAPPER.valueToTree(fact));
      }
      n.set("produced", list(f.produced()));
      ObjectNode b = n.putObject("bindings");
      for (Map.Entry<String, Object> e : f.bindings().entrySet()) {
        if (!f.matched().contains(e.getValue())) {
          b.set(e.getKey(), Json.MAPPER.valueToTree(e.getValue()));
        }
      }
    }
    return a;
  }
}
