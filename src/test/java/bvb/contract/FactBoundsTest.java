package bvb.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bvb.SchemaCheck;
import bvb.facts.FactsException;
import bvb.facts.FactsLoader;
import bvb.facts.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * facts.schema.json states the bounds the loader enforces: for every number of every section, the
 * schema's minimum and maximum are accepted by both, and a value just outside either is rejected
 * by both.
 */
class FactBoundsTest {
  @Test
  void everyNumberBoundOfTheSchemaIsTheLoadersBound() {
    List<String> disagreements = new ArrayList<>();
    int probes = 0;
    JsonNode sections = Schemas.FACTS.tree().path("properties");
    for (Map.Entry<String, JsonNode> section : iterable(sections)) {
      for (Map.Entry<String, JsonNode> field : iterable(section.getValue().path("properties"))) {
        JsonNode def = field.getValue();
        String type = def.path("type").path(0).asText();
        if (def.has("maximum")) {
          probes += probe(section.getKey() + "." + field.getKey(), def,
              v -> fact(section.getKey(), field.getKey(), v), disagreements);
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(true, probes > 4 * 50, "only " + probes + " probes");
  }

  @Test
  void everyNumberBoundOfTheTcoSectionIsTheLoadersBound() {
    List<String> disagreements = new ArrayList<>();
    int probes = 0;
    JsonNode defs = Schemas.FACTS.tree().path("$defs");
    for (Map.Entry<String, JsonNode> group : iterable(defs.path("strategyCostLines").path("properties"))) {
      boolean linesField = !group.getValue().has("$ref");
      JsonNode fields = linesField ? null : defs.path(group.getValue().path("$ref").asText().replace("#/$defs/", "")).path("properties");
      for (Map.Entry<String, JsonNode> field : linesField ? List.of(group) : iterable(fields)) {
        JsonNode def = field.getValue().has("anyOf") ? field.getValue().path("anyOf").path(0) : field.getValue();
        if (def.has("maximum")) {
          String path = linesField ? field.getKey() : group.getKey() + "." + field.getKey();
          probes += probe("tco.strategies.HYBRID_ROUTED." + path, def, v -> tco(linesField ? null : group.getKey(), field.getKey(), v), disagreements);
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(true, probes > 4 * 40, "only " + probes + " probes");
  }

  /** Probes the bounds of one field: both bounds accepted, a value just outside either rejected. */
  private static int probe(String name, JsonNode def, java.util.function.Function<String, String> factWith, List<String> disagreements) {
    String type = def.path("type").isArray() ? def.path("type").path(0).asText() : def.path("type").asText();
    boolean exclusive = def.has("exclusiveMinimum");
    BigDecimal min = (exclusive ? def.path("exclusiveMinimum") : def.path("minimum")).decimalValue();
    BigDecimal max = def.path("maximum").decimalValue();
    BigDecimal step = type.equals("integer") ? BigDecimal.ONE : max.multiply(new BigDecimal("1e-6")).max(new BigDecimal("0.001"));
    Object[][] probes = exclusive
        ? new Object[][] {{min.add(step), true}, {max, true}, {min, false}, {max.add(step), false}}
        : new Object[][] {{min, true}, {max, true}, {min.subtract(step), false}, {max.add(step), false}};
    for (Object[] probe : probes) {
      String json = factWith.apply(((BigDecimal) probe[0]).toPlainString());
      boolean expected = (Boolean) probe[1];
      boolean loader = loaderAccepts(json);
      boolean schema = SchemaCheck.errors(Schemas.FACTS, json).isEmpty();
      if (loader != expected || schema != expected) {
        disagreements.add(name + " = " + probe[0] + ": expected " + (expected ? "accepted" : "rejected")
            + ", loader " + (loader ? "accepts" : "rejects") + ", schema " + (schema ? "accepts" : "rejects"));
      }
    }
    return probes.length;
  }

  /** A fact file whose tco section gives HYBRID_ROUTED (routed and buffered: every line applies) one value. */
  private static String tco(String group, String field, String value) {
    String line = "\"" + field + "\": " + value;
    return "{\"workload\": {\"tokensPerMonth\": 1000000}, \"tco\": {\"strategies\": {\"HYBRID_ROUTED\": {"
        + (group == null ? line : "\"" + group + "\": {" + line + "}") + "}}}}";
  }

  /** A fact file with {@code value} in the field and a volume that does not interfere with it. */
  private static String fact(String section, String field, String value) {
    String volume = field.equals("requestsPerDay") ? "" : "\"requestsPerDay\": 1";
    if (section.equals("workload")) {
      return "{\"workload\": {" + (volume.isEmpty() ? "" : volume + ", ") + "\"" + field + "\": " + value + "}}";
    }
    return "{\"workload\": {" + volume + "}, \"" + section + "\": {\"" + field + "\": " + value + "}}";
  }

  private static boolean loaderAccepts(String json) {
    try {
      FactsLoader.parse("probe.json", json.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (FactsException e) {
      return false;
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
