package bvb.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.TestRules;
import bvb.engine.Engine;
import bvb.facts.FactSet;
import bvb.facts.FactsLoader;
import bvb.report.DecisionJson;
import bvb.report.Json;
import bvb.scenario.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After an edit to one file, compiling only that file gives the rule set a full compile gives. */
class IncrementalCompilerTest {
  @TempDir Path rules;

  @Test
  void editedFileCompiledAloneDecidesEverySampleLikeAFullCompile() throws Exception {
    TestRules.copyTo(rules);
    IncrementalCompiler compiler = new IncrementalCompiler();
    compiler.apply(RuleFiles.read(rules));
    Path tree = rules.resolve("40-tree-004.drl");
    String text = Files.readString(tree);
    Files.writeString(tree, text.replace("ttftRequirementMs() < 100", "ttftRequirementMs() < 90"));
    RuleFiles edited = RuleFiles.read(rules);

    long t0 = System.nanoTime();
    RuleSet incremental = compiler.apply(edited);
    double incrementalMs = (System.nanoTime() - t0) / 1e6;
    RuleSet full = RuleSet.compile(edited);
    assertEquals(1, compiler.fullCompiles, "the edit compiled only its own file");
    assertEquals(full.sha256(), incremental.sha256());
    assertEquals(full.rules(), incremental.rules(), "same rules, files and lines");

    Engine a = new Engine(incremental);
    Engine b = new Engine(full);
    LocalDate day = LocalDate.of(2026, 11, 25);
    int n = 0;
    for (Path p : Samples.list(Path.of("facts-samples"))) {
      FactSet f = FactsLoader.load(p).facts();
      if (f.tco() != null) {
        continue; // these engines have no catalog
      }
      assertEquals(Json.MAPPER.writeValueAsString(DecisionJson.toJson(b.decide(f, day), "t")),
          Json.MAPPER.writeValueAsString(DecisionJson.toJson(a.decide(f, day), "t")), p.toString());
      n++;
    }
    assertTrue(n > 100, "decided " + n + " samples");
    System.out.printf("incremental compile of one edited file: %.0f ms%n", incrementalMs);

    Files.writeString(tree, text + "\nrule \"BROKEN\"\n  when\n    Workload( > )\n  then\nend\n");
    RulesException e = assertThrows(RulesException.class, () -> compiler.apply(RuleFiles.read(rules)));
    assertTrue(e.errors().get(0).render().startsWith(tree + ":"), e.errors().get(0).render());
    RulesException fullErrors = assertThrows(RulesException.class, () -> RuleSet.compile(RuleFiles.read(rules)));
    assertEquals(fullErrors.errors(), e.errors(), "the errors a full compile reports");
    assertEquals(1, compiler.fullCompiles, "a broken edit to one file is reported without compiling the rest");
  }
}
