package bvb.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.engine.Conclusion.Confidence;
import bvb.engine.Conclusion.Verdict;
import bvb.engine.Decision;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.facts.Strategy.Family;
import bvb.report.DecisionText;
import bvb.report.Json;
import bvb.rules.RuleSet;
import bvb.scenario.Samples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reconciliation's targets, measured over every bundled sample. */
class ReconciliationTargetsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  static final Engine ENGINE = new Engine(RuleSet.load(Path.of("rules")),
      bvb.catalog.PriceCatalog.load(Path.of("rules/prices.json")), 12, Engine.DEFAULT_MAX_PRICE_AGE_DAYS);
  static final Map<Path, Decision> DECIDED = new LinkedHashMap<>();
  static final Map<Path, byte[]> BYTES = new LinkedHashMap<>();

  @BeforeAll
  static void decideEverySample() throws Exception {
    for (Path p : Samples.list(Path.of("facts-samples"))) {
      byte[] bytes = Files.readAllBytes(p);
      BYTES.put(p, bytes);
      DECIDED.put(p, ENGINE.decide(FactsLoader.parse(p.toString(), bytes).facts(), TODAY));
    }
  }

  @Test
  void eachResolutionPathDecidesAtLeastTenSamplesAndAtLeastTenRulesDecide() {
    Map<String, Long> paths = DECIDED.values().stream()
        .collect(Collectors.groupingBy(d -> d.recommendation().resolution(), TreeMap::new, Collectors.counting()));
    for (String r : List.of("R1", "R2", "R3", "R4")) {
      assertTrue(paths.getOrDefault(r, 0L) >= 10, r + " decides too few samples: " + paths);
    }
    Set<String> deciders = new HashSet<>();
    DECIDED.values().forEach(d -> deciders.add(d.recommendation().decidedBy()));
    assertTrue(deciders.size() >= 10, "deciding rules: " + deciders);
  }

  @Test
  void noSampleIsLowWhereEveryVerdictLiesInOneFamilyUnlessADecisiveFactIsUnknown() {
    List<String> bad = new ArrayList<>();
    DECIDED.forEach((p, d) -> {
      Set<Family> families = d.verdicts().stream().map(Verdict::strategy).map(s -> s.family())
          .filter(f -> f != Family.OTHER).collect(Collectors.toSet());
      boolean provisional = "R1".equals(d.recommendation().resolution()) && d.recommendation().decided();
      if (families.size() == 1 && d.confidence() == Confidence.LOW && !provisional) {
        bad.add(p.getFileName().toString());
      }
    });
    assertEquals(List.of(), bad);
  }

  @Test
  void everySummaryIsAtMost25LinesAndNoNextStepCodeAppearsTwice() {
    for (var e : DECIDED.entrySet()) {
      Decision d = e.getValue();
      StringWriter out = new StringWriter();
      DecisionText.write(d, new PrintWriter(out));
      long lines = out.toString().lines().count();
      assertTrue(lines <= 25, e.getKey() + ": " + lines + " lines\n" + out);
      List<String> codes = RankedSteps.of(d).stream().map(RankedSteps.Step::code).toList();
      assertEquals(codes.size(), new HashSet<>(codes).size(), e.getKey() + ": " + codes);
    }
  }

  @Test
  void decisiveStepsComeFirstAndEveryReportedChangeIsReproducedByDecidingAgain() throws Exception {
    int checked = 0;
    int decisive = 0;
    for (var e : DECIDED.entrySet()) {
      Decision base = e.getValue();
      WhatIf w = Counterfactuals.analyse(ENGINE, BYTES.get(e.getKey()), base, TODAY);
      Decision d = base.withWhatIf(w);
      List<RankedSteps.Step> steps = RankedSteps.of(d);
      boolean seenOther = false;
      for (RankedSteps.Step s : steps) {
        if (s.effect() != WhatIf.Effect.DECISIVE) {
          seenOther = true;
        } else {
          assertTrue(!seenOther, e.getKey() + ": decisive step " + s.code() + " after a non-decisive one");
        }
      }
      ObjectNode facts = (ObjectNode) Json.MAPPER.readTree(BYTES.get(e.getKey()));
      for (WhatIf.FactEffect f : w.facts()) {
        for (WhatIf.Outcome o : f.outcomes()) {
          String[] part = f.field().split("\\.", 2);
          ObjectNode copy = facts.deepCopy();
          ObjectNode section = copy.path(part[0]).isObject() ? (ObjectNode) copy.get(part[0]) : copy.putObject(part[0]);
          section.set(part[1], Json.MAPPER.readTree(o.value()));
          Decision again = ENGINE.decide(FactsLoader.parse("again", Json.MAPPER.writeValueAsBytes(copy)).facts(), TODAY);
          if (o.effect() == WhatIf.Effect.DECISIVE) {
            assertNotEquals(base.strategy(), again.strategy(), e.getKey() + ": " + f.field() + " = " + o.value());
            decisive++;
          } else {
            assertEquals(base.strategy(), again.strategy(), e.getKey() + ": " + f.field() + " = " + o.value());
          }
          checked++;
        }
      }
    }
    assertTrue(decisive > 0 && checked > decisive, checked + " outcomes, " + decisive + " decisive");
  }
}
