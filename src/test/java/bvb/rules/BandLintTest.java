package bvb.rules;

import static bvb.rules.RuleDirs.replace;
import static bvb.rules.RuleDirs.setCell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults put into copies of the band families, in tables and in DRL: each one is found and named. */
class BandLintTest {
  @TempDir Path tmp;
  Path rules;

  @BeforeEach
  void copy() {
    rules = RuleDirs.copyOfRules(tmp.resolve("rules"));
  }

  private List<RuleError> lint() {
    return BandLint.check(RuleFiles.read(rules));
  }

  private static String rendered(List<RuleError> errors) {
    return errors.stream().map(RuleError::render).collect(Collectors.joining("\n"));
  }

  /** The one finding of this code, asserting it is the only finding. */
  private RuleError only(String code) {
    List<RuleError> found = lint();
    assertEquals(1, found.size(), rendered(found));
    assertEquals(code, found.get(0).code(), rendered(found));
    return found.get(0);
  }

  @Test
  void todaysRulesHaveNoFindingsBeyondTheirDeclaredGapsAndOverlaps() {
    assertEquals(List.of(), lint(), () -> rendered(lint()));
  }

  @Test
  void whenSpend001StopsAt40000_thenTheGapUpTo50000IsReportedAtTheTableRow() {
    setCell(rules.resolve("10-spend-tiers.csv"), "SPEND-001", "annualApiSpendUsd less than", "40000");
    RuleError e = only("LINT-001");
    assertTrue(e.message().contains("[40000, 50000)") && e.message().contains("SPEND-001")
        && e.message().contains("SPEND-002"), e.render());
    assertTrue(e.file().endsWith("10-spend-tiers.csv") && e.line() > 0 && e.column() == 1, e.render());
  }

  @Test
  void whenSpend002StartsAt40000_thenItsOverlapWithSpend001IsReported() {
    setCell(rules.resolve("10-spend-tiers.csv"), "SPEND-002", "annualApiSpendUsd at least", "40000");
    RuleError e = only("LINT-002");
    assertTrue(e.message().contains("SPEND-001 and SPEND-002 both cover") && e.message().contains("[40000, 50000)"), e.render());
  }

  @Test
  void whenSpend002StartsAbove50000AsSpend001EndsBelowIt_thenThePoint50000IsReported() {
    Path csv = rules.resolve("10-spend-tiers.csv");
    setCell(csv, "SPEND-002", "annualApiSpendUsd at least", "");
    setCell(csv, "SPEND-002", "annualApiSpendUsd more than", "50000");
    RuleError e = only("LINT-003");
    assertTrue(e.message().contains("= 50000 is in no rule") && e.message().contains("SPEND-001 stops below it"), e.render());
  }

  @Test
  void whenTheMonthlyNeutralBandBecomesStrictAt50000_thenTheBoundaryWithSpend007IsReported() {
    Path csv = rules.resolve("10-spend-tiers.csv");
    setCell(csv, "SPEND-008", "monthlyLlmSpendUsd at most", "");
    setCell(csv, "SPEND-008", "monthlyLlmSpendUsd less than", "50000");
    RuleError e = only("LINT-003");
    assertTrue(e.message().contains("band spend.monthly") && e.message().contains("SPEND-008"), e.render());
  }

  @Test
  void whenTier003EndsEarly_thenTheGapBeforeTier004IsReported() {
    setCell(rules.resolve("86-usage-tiers-003.csv"), "TIER-003", "tokensPerMonth less than", "3000000000");
    RuleError e = only("LINT-001");
    assertTrue(e.message().contains("[3000000000, 3162277660)") && e.message().contains("between TIER-003 and TIER-004"), e.render());
  }

  @Test
  void whenFiveHundredExamplesMovesTo400_thenTheOverlapsBelow500AreReportedAndTheStaleDeclarationToo() {
    replace(rules.resolve("36-fine-tuning-data.drl"), "labeledExamples != null && labeledExamples >= 500,", "labeledExamples != null && labeledExamples >= 400,");
    List<RuleError> found = lint();
    String all = rendered(found);
    assertTrue(all.contains("LINT-002 band examples.labeled: FTDATA-001 and FTDATA-003 both cover CustomizationProfile.labeledExamples in [400, 500)"), all);
    assertTrue(all.contains("LINT-005 band examples.labeled: declared overlap with FTDATA-003 on [500, 2000)"), all);
  }

  @Test
  void whenTheCrossoverBandsLeave50000Open_thenTheBoundaryIsReported() {
    Path csv = rules.resolve("11-request-volume.csv");
    setCell(csv, "REQ-004.2", "requestsPerDay at most", "");
    setCell(csv, "REQ-004.2", "requestsPerDay less than", "50000");
    RuleError e = only("LINT-003");
    assertTrue(e.message().contains("requestsPerDay = 50000") && e.message().contains("REQ-004.2 stops below it and REQ-004.3 starts above it"), e.render());
  }

  @Test
  void whenTheUpfrontBudgetBandStopsAt400K_thenTheUndeclaredGapAndTheStaleDeclarationAreReported() {
    setCell(rules.resolve("86-usage-tiers-003.csv"), "MATRIX-002.1", "upfrontBudgetUsd less than", "400000");
    List<RuleError> found = lint();
    String all = rendered(found);
    assertEquals(2, found.size(), all);
    assertTrue(all.contains("LINT-001 band budget.upfront003: no rule covers BusinessContext.upfrontBudgetUsd in [400000, +inf)"), all);
    assertTrue(all.contains("LINT-005 band budget.upfront003: declared gap [500000, +inf)"), all);
  }

  @Test
  void aBandInDrlIsLintedFromItsDescriptors_aBoundaryLeftOpenInQuestionOne() {
    replace(rules.resolve("85-framework-001-five-questions.drl"),
        "monthlyLlmSpendUsd >= 5000 && monthlyLlmSpendUsd <= 50000", "monthlyLlmSpendUsd >= 5000 && 50000 > monthlyLlmSpendUsd");
    RuleError e = only("LINT-003");
    assertTrue(e.file().endsWith("85-framework-001-five-questions.drl") && e.line() > 0, e.render());
    assertTrue(e.message().contains("band spend.monthly.q1") && e.message().contains("AGG-001.Q1-NEUTRAL"), e.render());
  }

  @Test
  void aRuleInAnotherFileThatJoinsABandIsCheckedWithIt() throws IOException {
    Files.writeString(rules.resolve("99z-extra.drl"), "package t;\nimport bvb.facts.Workload;\n"
        + "rule \"X-1 extra\"\n  @id(\"X-1\")\n  @source(\"bvb: test\")\n  @band(\"requests.crossover004\")\n"
        + "  agenda-group \"verdicts\"\nwhen\n  Workload( requestsPerDay != null, requestsPerDay > 40000 )\nthen\nend\n");
    String all = rendered(lint());
    assertTrue(all.contains("99z-extra.drl:3:0: LINT-002 band requests.crossover004: REQ-004.2 and X-1 both cover Workload.requestsPerDay in (40000, 50000]"), all);
    assertTrue(all.contains("REQ-004.3 and X-1 both cover Workload.requestsPerDay in (50000, +inf)"), all);
  }

  @Test
  void aMalformedDeclarationIsReported() {
    setCell(rules.resolve("86-usage-tiers-003.csv"), "MATRIX-002.1", "accepted gap", "500000 and up");
    String all = rendered(lint());
    assertTrue(all.contains("LINT-006 band budget.upfront003: @bandGap(\"500000 and up\") is not an interval"), all);
  }

  @Test
  void orAndNotAndExistsBoundNothing_soABandRuleWithoutAConstantBoundIsNamed() throws IOException {
    Files.writeString(rules.resolve("99z-extra.drl"), "package t;\nimport bvb.facts.Workload;\n"
        + "rule \"X-1 extra\"\n  @id(\"X-1\")\n  @source(\"bvb: test\")\n  @band(\"requests.crossover004\")\n"
        + "  agenda-group \"verdicts\"\nwhen\n  Workload( requestsPerDay < 10 || requestsPerDay > 40000 )\nthen\nend\n");
    RuleError e = only("LINT-004");
    assertTrue(e.message().contains("rule X-1 has no constant bound on Workload.requestsPerDay"), e.render());
  }
}
