package bvb.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bvb.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A served table edit compiles the table and the DRL file it loads in, not the whole rule set. */
class TableIncrementalTest {
  @TempDir Path rules;

  @Test
  void anEditedTableIsCompiledWithItsHostFileOnlyAndGivesTheFullCompilesRules() throws Exception {
    TestRules.copyTo(rules);
    IncrementalCompiler compiler = new IncrementalCompiler();
    compiler.apply(RuleFiles.read(rules));
    Path table = rules.resolve("11-request-volume.csv");
    Files.writeString(table, Files.readString(table).replace(",verdicts,,,3000,", ",verdicts,,,2500,"));
    RuleFiles edited = RuleFiles.read(rules);
    RuleSet incremental = compiler.apply(edited);
    RuleSet full = RuleSet.compile(edited);
    assertEquals(1, compiler.fullCompiles, "the edit compiled only the table and its host file");
    assertEquals(full.rules(), incremental.rules());
    java.util.Map<String, Integer> a = loadOrders(full);
    assertEquals(a, loadOrders(incremental));
  }

  private static java.util.Map<String, Integer> loadOrders(RuleSet rs) {
    java.util.Map<String, Integer> out = new java.util.TreeMap<>();
    rs.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> out.put(p.getName() + "/" + r.getName(), r.getLoadOrder())));
    return out;
  }
}
