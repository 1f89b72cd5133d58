package bvb.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.catalog.PriceCatalog;
import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.engine.Firing;
import bvb.facts.FactsLoader;
import bvb.rules.RuleSet;
import bvb.scenario.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fired rules are streamed with their rule strings kept encoded; what is written must read back as it was. */
class DecisionJsonTest {
  @Test
  void everySamplesFiredRulesReadBackAsTheFiringsTheyWereWrittenFrom() throws Exception {
    Engine engine = new Engine(RuleSet.load(Path.of("rules")), PriceCatalog.load(Path.of("rules/prices.json")), 36, 365);
    int firings = 0;
    boolean sawEscapedText = false;
    for (Path p : Samples.list(Path.of("facts-samples"))) {
      Decision d = engine.decide(FactsLoader.load(p).facts(), LocalDate.of(2026, 11, 25));
      // twice: the second time the rule strings come from the encoded cache
      for (int round = 0; round < 2; round++) {
        String pretty = Json.MAPPER.writeValueAsString(DecisionJson.toJson(d, "t"));
        String compact = Json.COMPACT.writeValueAsString(DecisionJson.toJson(d, "t"));
        JsonNode a = Json.MAPPER.readTree(pretty);
        assertEquals(a, Json.MAPPER.readTree(compact), p.toString());
        JsonNode fired = a.get("firedRules");
        List<Firing> expected = d.firings();
        assertEquals(expected.size(), fired.size(), p.toString());
        for (int i = 0; i < expected.size(); i++) {
          Firing f = expected.get(i);
          JsonNode n = fired.get(i);
          assertEquals(f.seq(), n.get("seq").asInt(), p + " #" + i);
          assertEquals(f.ruleId(), n.get("ruleId").asText(), p + " #" + i);
          assertEquals(f.ruleName(), n.get("name").asText(), p + " #" + i);
          assertEquals(f.source(), n.get("source").asText(), p + " #" + i);
          assertEquals(f.phase(), n.get("phase").asText(), p + " #" + i);
          assertEquals(f.matched().size(), n.get("matched").size(), p + " #" + i);
          assertEquals(f.produced().size(), n.get("produced").size(), p + " #" + i);
          sawEscapedText |= !f.source().chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        }
        firings += expected.size();
      }
    }
    assertTrue(firings > 1000, "firings checked: " + firings);
    assertTrue(sawEscapedText, "no rule source needed escaping or non-ASCII encoding: the check proves less than it says");
  }
}
