package bvb.report;

import bvb.engine.Conclusion;
import bvb.engine.Decision;
import bvb.engine.Firing;
import bvb.facts.Strategy;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import bvb.facts.FactSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented, stable JSON form of a decision ({@code bvb decide --format json}). Field order
 * is fixed here; the README's "Decision JSON" section describes every field.
 */
public final class DecisionJson {
  /**
   * Version of this JSON layout; bumped on any incompatible change. 2: input facts appear once
   * under {@code inputs}, and a fired rule's matched input facts, token volume and TCO results are
   * JSON-pointer references ({@code ref}) instead of copies.
   */
  public static final int FORMAT_VERSION = 2;

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
    root.set("volume", pojo(d.volume()));
    root.set("inputs", inputs(d));
    root.set("verdicts", list(d.verdicts()));
    root.set("reasons", list(d.reasons()));
    root.set("exclusions", list(d.exclusions()));
    root.set("warnings", list(d.warnings()));
    root.set("nextSteps", list(d.nextSteps()));
    root.set("conflicts", list(d.conflicts()));
    root.set("whyNot", pojo(d.whyNot()));
    root.set("firedRules", firings(d));
    root.set("tco", d.tco() == null ? null : pojo(d.tco()));
    root.putObject("ruleSet").put("sha256", d.ruleSetHash());
    return root;
  }

  /**
   * A value left as the object itself, serialized only when the document is written: building a
   * JSON tree of each fact and conclusion first (valueToTree) doubled the cost of a decision's JSON.
   */
  private static com.fasterxml.jackson.databind.JsonNode pojo(Object value) {
    return Json.MAPPER.getNodeFactory().pojoNode(value);
  }

  private static ArrayNode list(List<? extends Conclusion> items) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    items.forEach(c -> a.add(pojo(c)));
    return a;
  }

  /** The fact set as the rules saw it (unknowns explicit), once per decision. */
  private static ObjectNode inputs(Decision d) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    FactSet f = d.facts();
    n.set("workload", pojo(f.workload()));
    n.set("latency", pojo(f.latency()));
    n.set("data", pojo(f.data()));
    n.set("customization", pojo(f.customization()));
    n.set("team", pojo(f.team()));
    n.set("business", pojo(f.business()));
    n.set("current", pojo(f.current()));
    return n;
  }

  private static String kind(Conclusion c) {
    return KINDS.get(c.getClass());
  }

  private static final Map<Class<?>, String> KINDS = Map.of(
      Conclusion.Verdict.class, "verdict",
      Conclusion.Reason.class, "reason",
      Conclusion.Excluded.class, "excluded",
      Conclusion.Warning.class, "warning",
      Conclusion.NextStep.class, "nextStep",
      Conclusion.Conflict.class, "conflict",
      Conclusion.Recommendation.class, "recommendation");

  /** Where a conclusion a firing produced is printed in this document (a JSON pointer). */
  private static String conclusionRef(Decision d, Conclusion c) {
    if (c instanceof Conclusion.Recommendation) {
      return "/recommendation";
    }
    String list = switch (kind(c)) {
      case "verdict" -> "verdicts";
      case "reason" -> "reasons";
      case "excluded" -> "exclusions";
      case "warning" -> "warnings";
      case "nextStep" -> "nextSteps";
      default -> "conflicts";
    };
    List<? extends Conclusion> items = switch (list) {
      case "verdicts" -> d.verdicts();
      case "reasons" -> d.reasons();
      case "exclusions" -> d.exclusions();
      case "warnings" -> d.warnings();
      case "nextSteps" -> d.nextSteps();
      default -> d.conflicts();
    };
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == c) {
        return "/" + list + "/" + i;
      }
    }
    return "/" + list;
  }

  /** JSON pointers into this document for the facts printed once elsewhere in it. */
  private static Map<Object, String> refs(Decision d) {
    FactSet f = d.facts();
    Map<Object, String> refs = new IdentityHashMap<>();
    refs.put(f.workload(), "/inputs/workload");
    refs.put(f.latency(), "/inputs/latency");
    refs.put(f.data(), "/inputs/data");
    refs.put(f.customization(), "/inputs/customization");
    refs.put(f.team(), "/inputs/team");
    refs.put(f.business(), "/inputs/business");
    refs.put(f.current(), "/inputs/current");
    refs.put(d.volume(), "/volume");
    if (d.tco() != null) {
      d.tco().results().forEach((strategy, r) -> refs.put(r, "/tco/results/" + strategy.name()));
      for (int i = 0; i < d.tco().comparisons().size(); i++) {
        refs.put(d.tco().comparisons().get(i), "/tco/comparisons/" + i);
      }
    }
    return refs;
  }

  private static ArrayNode firings(Decision d) {
    List<Firing> firings = d.firings();
    Map<Object, String> refs = refs(d);
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
        String ref = refs.get(fact);
        if (ref != null) {
          m.put("ref", ref);
        } else {
          m.set("fact", pojo(fact));
        }
      }
      ArrayNode produced = n.putArray("produced");
      for (Conclusion c : f.produced()) {
        produced.addObject().put("kind", kind(c)).put("ref", conclusionRef(d, c));
      }
      ObjectNode b = n.putObject("bindings");
      for (Map.Entry<String, Object> e : f.bindings().entrySet()) {
        if (!f.matched().contains(e.getValue())) {
          b.set(e.getKey(), pojo(e.getValue()));
        }
      }
    }
    return a;
  }
}
