package bvb.whatif;

import bvb.engine.Conclusion.NextStep;
import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.Schemas;
import bvb.facts.FactsLoader;
import bvb.report.Json;
import bvb.whatif.WhatIf.Effect;
import bvb.whatif.WhatIf.FactEffect;
import bvb.whatif.WhatIf.Outcome;
import bvb.whatif.WhatIf.TippingPoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides a fact set again with each unknown fact that a rule asked about (a next step names it as
 * {@code section.field}) set to each of its possible values: every enum value and yes/no, and for
 * numbers a value on either side of each threshold the rules test that field against. Also finds
 * the volume at which the recommendation changes. Every counterfactual runs on the engine's
 * compiled rule base and pooled sessions; a value that makes the facts invalid is skipped.
 */
public final class Counterfactuals {
  private Counterfactuals() {}

  static final List<String> SECTIONS = List.of("workload", "latency", "data", "customization", "team", "business", "current");
  private static final Pattern FIELD = Pattern.compile("\\b(workload|latency|data|customization|team|business|current)\\.([a-z][A-Za-z0-9]*)");
  private static final Pattern BARE = Pattern.compile("\\b([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*)\\b");
  /** Scaling steps of the volume search: 10^(k/2) for k = 1..6, up to 1,000x either way. */
  private static final int VOLUME_STEPS = 6;
  private static final int BISECTIONS = 5;
  /** Fields whose values scale with the workload's volume in the tipping-point search. */
  static final List<String> VOLUME_FIELDS = List.of("tokensPerMonth", "tokensPerDay", "requestsPerDay", "annualApiSpendUsd", "monthlyLlmSpendUsd");

  private static volatile ObjectNode schema;

  /** The analysis of {@code base}, decided from {@code factBytes} as of {@code today}. */
  public static WhatIf analyse(Engine engine, byte[] factBytes, Decision base, LocalDate today) {
    ObjectNode facts;
    try {
      facts = (ObjectNode) Json.MAPPER.readTree(factBytes);
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException("fact bytes are not a JSON object", e);
    }
    Thresholds thresholds = Thresholds.of(engine.rules());
    List<Candidate> candidates = new ArrayList<>();
    for (String field : askedFields(base)) {
      String[] p = field.split("\\.", 2);
      JsonNode current = facts.path(p[0]).path(p[1]);
      if (!isUnknown(current)) {
        continue;
      }
      if (!thresholds.canDecide(p[1])) {
        continue; // no rule that can move the recommendation reads it
      }
      for (JsonNode value : values(p[0], p[1], thresholds)) {
        candidates.add(new Candidate(field, value));
      }
    }
    // the two volume searches are sequential; they run beside the candidates, which share the pool
    int[] downCount = {0};
    int[] upCount = {0};
    var down = java.util.concurrent.CompletableFuture.supplyAsync(() -> tipping(engine, facts, base, today, -1, downCount));
    var up = java.util.concurrent.CompletableFuture.supplyAsync(() -> tipping(engine, facts, base, today, +1, upCount));
    List<Outcome> outcomes = candidates.parallelStream()
        .map(c -> decide(engine, with(facts, c.field, c.value), today, base, c.value.toString()))
        .toList();
    Map<String, List<Outcome>> byField = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (outcomes.get(i) != null) {
        byField.computeIfAbsent(candidates.get(i).field, k -> new ArrayList<>()).add(outcomes.get(i));
      }
    }
    List<FactEffect> effects = new ArrayList<>();
    byField.forEach((field, os) -> {
      Effect e = os.stream().map(Outcome::effect).min(Comparator.naturalOrder()).orElse(Effect.NONE);
      effects.add(new FactEffect(field, e, os));
    });
    effects.sort(Comparator.comparing(FactEffect::effect)); // stable: asked order within each effect
    List<TippingPoint> tips = new ArrayList<>();
    for (TippingPoint t : new TippingPoint[] {down.join(), up.join()}) {
      if (t != null) {
        tips.add(t);
      }
    }
    return new WhatIf(effects, tips, candidates.size() + downCount[0] + upCount[0]);
  }

  private record Candidate(String field, JsonNode value) {}

  /** Fields named in the decision's next steps, {@code section.field}, in the order first asked. */
  public static List<String> askedFields(Decision d) {
    Set<String> out = new LinkedHashSet<>();
    for (NextStep n : d.nextSteps()) {
      out.addAll(fieldsOf(n.text()));
    }
    return List.copyOf(out);
  }

  /**
   * The {@code section.field} names a step's text asks for: each prefixed name, and bare names of
   * the same section that follow it in the same parenthesis ("(customization.a = 1, b = 2)").
   */
  public static List<String> fieldsOf(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = FIELD.matcher(text);
    while (m.find()) {
      String section = m.group(1);
      if (isField(section, m.group(2))) {
        out.add(section + "." + m.group(2));
      }
      int close = text.indexOf(')', m.end());
      String rest = text.substring(m.end(), close < 0 ? text.length() : close);
      Matcher b = BARE.matcher(rest);
      while (b.find()) {
        if (rest.charAt(Math.max(0, b.start() - 1)) != '.' && isField(section, b.group(1))) {
          out.add(section + "." + b.group(1));
        }
      }
    }
    return List.copyOf(out);
  }

  private static boolean isField(String section, String field) {
    return !schema().path("properties").path(section).path("properties").path(field).isMissingNode();
  }

  static ObjectNode schema() {
    ObjectNode s = schema;
    if (s == null) {
      s = Schemas.FACTS.tree();
      schema = s;
    }
    return s;
  }

  static boolean isUnknown(JsonNode v) {
    return v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().equalsIgnoreCase("unknown"))
        || (v.isArray() && v.isEmpty());
  }

  /** The values to try for a field: enum values (yes/no for answers), or either side of each rule threshold. */
  static List<JsonNode> values(String section, String field, Thresholds thresholds) {
    JsonNode def = schema().path("properties").path(section).path("properties").path(field);
    List<JsonNode> out = new ArrayList<>();
    JsonNode en = def.path("enum");
    if (en.isArray()) {
      for (JsonNode v : en) {
        if (!isUnknown(v)) {
          out.add(v);
        }
      }
      return out;
    }
    String type = typeOf(def);
    if (type.equals("integer") || type.equals("number")) {
      Set<Double> seen = new LinkedHashSet<>();
      for (double t : thresholds.of(field)) {
        double d = type.equals("integer") ? 1 : Math.max(Math.abs(t) * 0.01, 0.001);
        seen.add(t - d);
        seen.add(t + d);
      }
      for (double v : seen) {
        if (type.equals("integer")) {
          out.add(JsonNodeFactory.instance.numberNode(Math.round(v)));
        } else {
          out.add(JsonNodeFactory.instance.numberNode(v));
        }
      }
    }
    return out;
  }

  private static String typeOf(JsonNode def) {
    JsonNode t = def.path("type");
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (!x.asText().equals("null")) {
          return x.asText();
        }
      }
    }
    return t.asText("");
  }

  private static ObjectNode with(ObjectNode facts, String field, JsonNode value) {
    String[] p = field.split("\\.", 2);
    ObjectNode copy = facts.deepCopy();
    JsonNode section = copy.path(p[0]);
    ObjectNode s = section.isObject() ? (ObjectNode) section : copy.putObject(p[0]);
    s.set(p[1], value);
    return copy;
  }

  /** The counterfactual decision, or null when the changed facts are invalid or cannot be decided. */
  private static Outcome decide(Engine engine, ObjectNode facts, LocalDate today, Decision base, String value) {
    Decision d;
    try {
      byte[] bytes = Json.MAPPER.writeValueAsBytes(facts);
      d = engine.decide(FactsLoader.parse("what-if", bytes).facts(), today, base);
    } catch (RuntimeException | IOException e) {
      return null; // an invalid combination of facts is skipped, not an error
    }
    Effect e = d.strategy() != base.strategy() ? Effect.DECISIVE
        : d.confidence() != base.confidence() ? Effect.CONFIDENCE : Effect.NONE;
    return new Outcome(value, d.strategy(), d.confidence(), d.recommendation().resolution(), e);
  }

  /**
   * Scales every volume and spend figure of the workload by growing factors (direction +1) or
   * shrinking ones (-1) until the recommendation changes, then narrows the change down by bisection;
   * null when it does not change within 1,000x.
   */
  private static TippingPoint tipping(Engine engine, ObjectNode facts, Decision base, LocalDate today, int direction, int[] count) {
    double lastSame = 1;
    Outcome hit = null;
    double hitFactor = 0;
    for (int k = 1; k <= VOLUME_STEPS && hit == null; k++) {
      double f = Math.pow(10, direction * k / 2.0);
      Outcome o = scaled(engine, facts, f, today, base, count);
      if (o == null) {
        break; // out of the plausible range
      }
      if (o.strategy() != base.strategy()) {
        hit = o;
        hitFactor = f;
      } else {
        lastSame = f;
      }
    }
    if (hit == null) {
      return null;
    }
    double lo = lastSame;
    double hi = hitFactor;
    for (int i = 0; i < BISECTIONS; i++) {
      double mid = Math.sqrt(lo * hi);
      Outcome o = scaled(engine, facts, mid, today, base, count);
      if (o != null && o.strategy() != base.strategy()) {
        hi = mid;
        hit = o;
      } else {
        lo = mid;
      }
    }
    ObjectNode at = scale(facts, hi);
    JsonNode w = at.path("workload");
    Long tokens = base.volume().tokensPerMonth() == null ? null : Math.round(base.volume().tokensPerMonth() * hi);
    Long requests = w.path("requestsPerDay").isNumber() ? w.path("requestsPerDay").asLong() : null;
    return new TippingPoint(hi, tokens, requests, hit.strategy(), hit.confidence());
  }

  private static Outcome scaled(Engine engine, ObjectNode facts, double factor, LocalDate today, Decision base, int[] count) {
    count[0]++;
    return decide(engine, scale(facts, factor), today, base, String.valueOf(factor));
  }

  static ObjectNode scale(ObjectNode facts, double factor) {
    ObjectNode copy = facts.deepCopy();
    JsonNode w = copy.path("workload");
    if (w.isObject()) {
      ObjectNode wo = (ObjectNode) w;
      for (String f : VOLUME_FIELDS) {
        JsonNode v = wo.path(f);
        if (v.isNumber()) {
          if (f.endsWith("Usd")) {
            wo.put(f, v.asDouble() * factor);
          } else {
            wo.put(f, Math.max(1, Math.round(v.asDouble() * factor)));
          }
        }
      }
    }
    scaleApiTokenCost(copy.path("tco"), factor);
    return copy;
  }

  /** A stated monthly API token bill grows with the volume too. */
  private static void scaleApiTokenCost(JsonNode node, double factor) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        JsonNode v = o.get(n);
        if (n.equals("apiTokenCostMonthlyUsd") && v.isNumber()) {
          o.put(n, v.asDouble() * factor);
        } else {
          scaleApiTokenCost(v, factor);
        }
      }
    } else if (node.isArray()) {
      node.forEach(x -> scaleApiTokenCost(x, factor));
    }
  }
}
