package bvb.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.SchemaCheck;
import bvb.catalog.PriceCatalog;
import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.facts.Schemas;
import bvb.report.DecisionJson;
import bvb.report.Json;
import bvb.rules.RuleSet;
import bvb.whatif.Counterfactuals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundled sample is a valid fact file, and its decision JSON (with and without the what-if
 * analysis) and its TCO report are valid against decision.schema.json and tco.schema.json, checked
 * with a real validator.
 */
class OutputSchemaTest {
  static final Engine ENGINE = new Engine(RuleSet.load(Path.of("rules")),
      PriceCatalog.load(Path.of("rules/prices.json")), 12, Engine.DEFAULT_MAX_PRICE_AGE_DAYS);
  /** Samples decided with the what-if analysis too: a chatbot with a tco section, a regulated one, a custom-training one, ranges. */
  static final List<String> WHAT_IF = List.of("sc-01-chatbot.json", "sc-05-company-b.json",
      "sc-11b-custom-training-all-five.json", "sc-16e-spend-800k-priced.json", "sc-14-regulated-data.json");

  static List<Path> samples() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
      return s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")
          && !p.getFileName().toString().equals("facts.schema.json")).sorted().toList();
    }
  }

  @Test
  void everyBundledSampleIsValidAgainstTheFactsSchema() throws Exception {
    List<String> invalid = new ArrayList<>();
    for (Path p : samples()) {
      List<String> errors = SchemaCheck.errors(Schemas.FACTS, Files.readString(p));
      if (!errors.isEmpty()) {
        invalid.add(p + ": " + errors);
      }
    }
    assertEquals(List.of(), invalid);
    assertTrue(samples().size() >= 200, "only " + samples().size() + " samples");
  }

  @Test
  void theDecisionOfEveryBundledSampleIsValidAgainstTheDecisionSchema() throws Exception {
    List<String> invalid = new ArrayList<>();
    int decisions = 0;
    int reports = 0;
    for (Path p : samples()) {
      FactsLoader.Loaded facts = FactsLoader.load(p);
      Decision d = ENGINE.decide(facts.facts());
      String json = Json.COMPACT.writeValueAsString(DecisionJson.toJson(d, "test"));
      collect(invalid, p + " (decision)", SchemaCheck.errors(Schemas.DECISION, json));
      decisions++;
      if (d.tco() != null) {
        collect(invalid, p + " (tco)", SchemaCheck.errors(Schemas.TCO, Json.MAPPER.writeValueAsString(d.tco())));
        reports++;
      }
      if (WHAT_IF.contains(p.getFileName().toString())) {
        Decision w = d.withWhatIf(Counterfactuals.analyse(ENGINE, facts.bytes(), d, LocalDate.now(ZoneOffset.UTC)));
        String withWhatIf = Json.MAPPER.writeValueAsString(DecisionJson.toJson(w, "test"));
        assertTrue(withWhatIf.contains("\"whatIf\" : {"), p + ": no what-if analysis");
        collect(invalid, p + " (decision with what-if)", SchemaCheck.errors(Schemas.DECISION, withWhatIf));
        decisions++;
      }
    }
    assertEquals(List.of(), invalid);
    assertTrue(reports >= 20, "only " + reports + " TCO reports");
    System.out.println("validated " + decisions + " decisions and " + reports + " TCO reports");
  }

  @Test
  void aDecisionOfAnotherFormatOrWithAnUnknownStrategyIsInvalid() throws Exception {
    Decision d = ENGINE.decide(FactsLoader.load(Path.of("facts-samples/sc-05-company-b.json")).facts());
    var json = DecisionJson.toJson(d, "test");
    json.put("format", 2);
    assertTrue(!SchemaCheck.errors(Schemas.DECISION, json.toString()).isEmpty());
    json.put("format", 3);
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("recommendation")).put("strategy", "BUY_A_GPU");
    assertTrue(!SchemaCheck.errors(Schemas.DECISION, json.toString()).isEmpty());
  }

  private static void collect(List<String> invalid, String what, List<String> errors) {
    if (!errors.isEmpty()) {
      invalid.add(what + ": " + errors.subList(0, Math.min(5, errors.size())));
    }
  }
}
