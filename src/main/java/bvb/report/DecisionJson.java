package bvb.report;

import bvb.engine.Conclusion;
import bvb.engine.Decision;
import bvb.engine.Firing;
import bvb.facts.Strategy;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import bvb.facts.FactSet;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documented, stable JSON form of a decision ({@code bvb decide --format json}). Field order
 * is fixed here; docs/decision-json.md describes every field.
 */
public final class DecisionJson {
  /**
   * Version of this JSON layout; bumped on any incompatible change. 2: input facts appear once
   * under {@code inputs}, and a fired rule's matched input facts, token volume and TCO results are
   * JSON-pointer references ({@code ref}) instead of copies.
   */
  public static final int FORMAT_VERSION = 3;

  private DecisionJson() {}

  private static com.fasterxml.jackson.databind.node.ArrayNode docs(java.util.List<bvb.engine.Doc> docs) {
    var a = Json.MAPPER.createArrayNode();
    docs.forEach(doc -> a.addObject().put("id", doc.shortName()).put("file", doc.file()).put("title", doc.title()));
    return a;
  }

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
    rec.put("decided", d.recommendation().decided());
    rec.put("resolution", d.recommendation().resolution());
    rec.put("decidedBy", d.recommendation().decidedBy());
    rec.set("supportingDocuments", docs(d.recommendation().supporting()));
    rec.set("dissentingDocuments", docs(d.recommendation().dissenting()));
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
    root.set("derivedFacts", pojo(d.derivedFacts()));
    root.set("rankedNextSteps", pojo(bvb.whatif.RankedSteps.of(d)));
    root.set("whatIf", d.whatIf() == null ? null : pojo(d.whatIf()));
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
  private static JsonNode pojo(Object value) {
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

  /**
   * The fired rules, written straight to the generator when the document is: they are half of a
   * decision's bytes, and every firing repeats its rule's id, name, source and phase, which are
   * written from their encoded, quoted form (see {@link #writeEncoded}) instead of being escaped
   * and encoded again each time. Measured on Company B's decision (76 firings, 64 KB compact) in
   * a one-thread harness: building and writing the whole document went from 171-230 to 128-139 µs
   * against an ObjectNode per firing.
   */
  private static JsonNode firings(Decision d) {
    return pojo(new Firings(d, refs(d)));
  }

  private record Firings(Decision d, Map<Object, String> refs) implements JsonSerializable {
    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartArray();
      for (Firing f : d.firings()) {
        g.writeStartObject();
        g.writeFieldName(SEQ);
        g.writeNumber(f.seq());
        g.writeFieldName(RULE_ID);
        writeEncoded(g, f.ruleId());
        g.writeFieldName(NAME);
        writeEncoded(g, f.ruleName());
        g.writeFieldName(SOURCE);
        writeEncoded(g, f.source());
        g.writeFieldName(PHASE);
        writeEncoded(g, f.phase());
        g.writeFieldName(MATCHED);
        g.writeStartArray();
        for (Object fact : f.matched()) {
          g.writeStartObject();
          g.writeFieldName(TYPE);
          writeEncoded(g, fact.getClass().getSimpleName());
          String ref = refs.get(fact);
          if (ref != null) {
            g.writeFieldName(REF);
            g.writeString(ref); // not kept encoded: TCO references are built per decision
          } else {
            g.writeFieldName(FACT);
            provider.defaultSerializeValue(fact, g);
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(PRODUCED);
        g.writeStartArray();
        for (Conclusion c : f.produced()) {
          g.writeStartObject();
          g.writeFieldName(KIND);
          writeEncoded(g, kind(c));
          g.writeFieldName(REF);
          g.writeString(conclusionRef(d, c));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(BINDINGS);
        g.writeStartObject();
        for (Map.Entry<String, Object> e : f.bindings().entrySet()) {
          if (!f.matched().contains(e.getValue())) {
            g.writeFieldName(e.getKey());
            provider.defaultSerializeValue(e.getValue(), g);
          }
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer) throws IOException {
      serialize(g, provider);
    }
  }

  private static final SerializedString SEQ = new SerializedString("seq");
  private static final SerializedString RULE_ID = new SerializedString("ruleId");
  private static final SerializedString NAME = new SerializedString("name");
  private static final SerializedString SOURCE = new SerializedString("source");
  private static final SerializedString PHASE = new SerializedString("phase");
  private static final SerializedString MATCHED = new SerializedString("matched");
  private static final SerializedString TYPE = new SerializedString("type");
  private static final SerializedString REF = new SerializedString("ref");
  private static final SerializedString FACT = new SerializedString("fact");
  private static final SerializedString PRODUCED = new SerializedString("produced");
  private static final SerializedString KIND = new SerializedString("kind");
  private static final SerializedString BINDINGS = new SerializedString("bindings");

  /**
   * Rule metadata and fact type names with their JSON encoding kept: the same few hundred strings
   * (the same String objects, held by the rule base) recur in every decision. Bounded: emptied
   * when it grows past {@value #MAX_ENCODED} entries (a server reloading edited rules meets new
   * strings).
   */
  private static final ConcurrentHashMap<String, SerializedString> ENCODED = new ConcurrentHashMap<>();

  private static final int MAX_ENCODED = 20_000;

  private static void writeEncoded(JsonGenerator g, String s) throws IOException {
    if (s == null) {
      g.writeNull();
      return;
    }
    SerializedString e = ENCODED.get(s);
    if (e == null) {
      if (ENCODED.size() >= MAX_ENCODED) {
        ENCODED.clear();
      }
      e = new SerializedString(s);
      ENCODED.put(s, e);
    }
    g.writeString(e);
  }
}
