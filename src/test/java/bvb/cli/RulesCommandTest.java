package bvb.cli;

import static bvb.cli.CliTest.bvb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** bvb rules --format: every rule for a reviewer, with thresholds, place and whether a sample fired it. */
class RulesCommandTest {
  @Test
  void markdownListsEveryRuleWithItsThresholdsAndWhetherASampleFiredIt() {
    CliTest.Run r = bvb("rules", "--format", "md");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("| id | name | phase | where | thresholds | fired | source |", lines.get(0));
    java.util.regex.Matcher ok = java.util.regex.Pattern.compile("(\\d+) rules").matcher(bvb("validate").out());
    assertTrue(ok.find(), "bvb validate names the rule count");
    assertEquals(Integer.parseInt(ok.group(1)) + 2, lines.size(), "a row per rule, as many as bvb validate counts");
    assertTrue(r.out().contains("| SPEND-002 | SPEND-002 Between $50,000 and $500,000 a year: a mixed setup starts to make sense | verdicts"
        + " | rules/10-spend-tiers.csv:15 | Workload.annualApiSpendUsd >= 50000 and <= 500000 | yes | 000_3ab125d9ff6c1535.txt: Between"), r.out());
    assertTrue(r.out().contains("| rules/36-fine-tuning-data.drl:"), "DRL rules give file:line");
    assertTrue(lines.stream().noneMatch(l -> l.contains("| no |")), "bvb test --coverage: every rule fires in some sample");
  }

  @Test
  void csvAndHtmlCarryTheSameRowsAndSayWhenNoSampleWasRun() {
    CliTest.Run csv = bvb("rules", "--format", "csv", "--samples", "no-such-dir");
    assertEquals(0, csv.code(), csv.err());
    assertTrue(csv.out().startsWith("id,name,phase,file,line,thresholds,fired,source\n"), csv.out());
    assertTrue(csv.out().contains("\nTIER-003,TIER-003 Heavy tier: 003 says self-host wins,verdicts,rules/86-usage-tiers-003.csv,15,"
        + "TokenVolume.tokensPerMonth >= 316227766 and < 3162277660,not run,"), csv.out());
    CliTest.Run html = bvb("rules", "--format", "html", "--samples", "no-such-dir");
    assertEquals(0, html.code(), html.err());
    assertTrue(html.out().contains("<td>Workload.requestsPerDay &lt; 3000</td>"), html.out());
    assertEquals(2, bvb("rules", "--format", "pdf").code());
  }
}
