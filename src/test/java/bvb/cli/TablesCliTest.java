package bvb.cli;

import static bvb.cli.CliTest.bvb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision tables through the CLI: validate, lint, show-drl, and no decision on a broken table. */
class TablesCliTest {
  @TempDir Path rules;

  @Test
  void aBrokenTableStopsEveryCommandWithExit3AndNothingDecided() throws Exception {
    TestRules.copyTo(rules);
    Path table = rules.resolve("10-spend-tiers.csv");
    Files.writeString(table, Files.readString(table).replace(",verdicts,,,50000,", ",verdicts,,,50K,"));
    CliTest.Run v = bvb("validate", "--rules", rules.toString(), "--no-cache");
    assertEquals(3, v.code(), v.err());
    assertTrue(v.err().contains(table + ":14:6: TABLE-008 \"50K\" is not a number"), v.err());
    CliTest.Run d = bvb("decide", "facts-samples/sc-05-company-b.json", "--rules", rules.toString(), "--no-cache");
    assertEquals(3, d.code(), d.err());
    assertEquals("", d.out());
  }

  @Test
  void lintFindsAGapPutIntoATableAndValidateAloneDoesNot() throws Exception {
    TestRules.copyTo(rules);
    Path table = rules.resolve("10-spend-tiers.csv");
    Files.writeString(table, Files.readString(table).replace(",verdicts,,,50000,", ",verdicts,,,40000,"));
    CliTest.Run plain = bvb("validate", "--rules", rules.toString(), "--no-cache");
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.out().matches("(?s)\\d+ rules OK .*"), plain.out());
    CliTest.Run lint = bvb("validate", "--lint", "--rules", rules.toString(), "--no-cache");
    assertEquals(3, lint.code(), lint.err());
    assertTrue(lint.err().contains(table + ":15:1: LINT-001 band spend.annual: no rule covers Workload.annualApiSpendUsd in [40000, 50000)"), lint.err());
  }

  @Test
  void bvbTestRunsTheLintFirstAndFailsOnAFinding() throws Exception {
    TestRules.copyTo(rules);
    Path table = rules.resolve("11-request-volume.csv");
    Files.writeString(table, Files.readString(table).replace(",verdicts,,,3000,", ",verdicts,,,2500,"));
    CliTest.Run t = bvb("test", "--rules", rules.toString());
    assertEquals(6, t.code(), t.out());
    assertTrue(t.out().startsWith("LINT " + table + ":12:1: LINT-005 band requests.crossover004: declared overlap with REQ-004.1 on (-inf, 3000)"), t.out());
    assertTrue(t.out().contains("LINT-002 band requests.crossover004: REQ-003 and REQ-004.1 both cover Workload.requestsPerDay in (-inf, 2500)"), t.out());
    assertTrue(t.out().strip().endsWith("passed, 2 failed"), t.out());
    CliTest.Run skipped = bvb("test", "--rules", rules.toString(), "--no-lint");
    assertEquals(0, skipped.code(), skipped.out());
  }

  @Test
  void validateLintPassesOnTheBundledRules() {
    CliTest.Run r = bvb("validate", "--lint");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("rules OK, bands clean"), r.out());
  }

  @Test
  void showDrlPrintsWhatATableCompilesTo() {
    CliTest.Run r = bvb("rules", "--show-drl", "rules/86-usage-tiers-003.csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("package bvb.rules.matrix003;"), r.out());
    assertTrue(r.out().contains("$v : TokenVolume(tokensPerMonth != null && tokensPerMonth >= 316227766L, tokensPerMonth != null && tokensPerMonth < 3162277660L)"), r.out());
  }
}
