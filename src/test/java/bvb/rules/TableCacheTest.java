package bvb.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-rule cache and the rule-set hash cover decision tables as they cover DRL. */
class TableCacheTest {
  @TempDir Path tmp;

  @Test
  void aCachedRuleSetKeepsTableRowsAndATableEditMissesTheCache() throws Exception {
    Path rules = TestRules.copyTo(Files.createDirectories(tmp.resolve("rules")));
    Path cache = tmp.resolve("cache");
    RuleSet first = RuleSet.load(rules, cache, "test");
    RuleSet cached = RuleSet.load(rules, cache, "test");
    assertEquals(first.sha256(), cached.sha256());
    assertEquals(first.rules(), cached.rules());
    RuleInfo spend = cached.rules().stream().filter(r -> r.id().equals("SPEND-001")).findFirst().orElseThrow();
    assertEquals(rules.resolve("10-spend-tiers.csv").toString(), spend.file());
    assertEquals(14, spend.line());

    Path table = rules.resolve("10-spend-tiers.csv");
    Files.writeString(table, Files.readString(table).replace(",verdicts,,,50000,", ",verdicts,,,49000,"));
    RuleSet edited = RuleSet.load(rules, cache, "test");
    assertNotEquals(first.sha256(), edited.sha256());
    try (var entries = Files.list(cache)) {
      assertTrue(entries.filter(p -> p.toString().endsWith(".bin")).count() >= 2, "a second entry for the edited set");
    }
  }
}
