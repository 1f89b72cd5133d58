package bvb.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rules/TRACEABILITY.md} is what {@link Traceability} makes of the catalogue and the rules
 * (run with {@code -Dbvb.documents=DIR} or {@code -Dbvb.catalogue=FILE}; add
 * {@code -Dbvb.writeTraceability=true} to rewrite the file). The table's content is proved on a
 * small catalogue written here, so that part runs without the documents.
 */
class TraceabilityTest {
  static final String CATALOGUE = String.join("\n",
      "# Catalogue",
      "| TOK-999 | 000_x.txt: `not in section 1` |",
      "## 1. Decision rules",
      "| ID | Seed + quote | Condition | Conclusion | Notes |",
      "|---|---|---|---|---|",
      "| SPEND-001 | 000_3ab125d9ff6c1535.txt: `below about $50,000` | a | b | |",
      "| SPEND-002 | 000_3ab125d9ff6c1535.txt: `Between roughly` | a | b | |",
      "| TREE-001 | 004_8337c1cb1b4d2fe8.txt: `step 1` | a | b | |",
      "| DATA-013 | 004_8337c1cb1b4d2fe8.txt: `survey` | a | b | |",
      "| MIG-001 | 004_8337c1cb1b4d2fe8.txt: `migration` | a | b | |",
      "## 2. Contradictions",
      "| C-01 | 000_3ab125d9ff6c1535.txt: `spend` |",
      "");

  static RuleInfo rule(String id, String file, int line) {
    return new RuleInfo(id, id + " a rule", "bvb: test", "verdicts", "rules/" + file, line);
  }

  static final List<RuleInfo> RULES = List.of(
      rule("SPEND-001", "10-spend-tiers.csv", 14),
      rule("SPEND-001.U", "10-spend-tiers.drl", 30),
      rule("TREE-001.U", "40-tree-004.drl", 20),
      rule("TREE-001", "40-tree-004.drl", 40),
      rule("C-01", "95-conflicts.drl", 23),
      rule("REC-001", "90-reconcile.drl", 61));

  static List<String> lines() {
    return List.of(Traceability.render(CATALOGUE, RULES).split("\n"));
  }

  @Test
  void committedTableIsWhatTheCatalogueAndTheRulesProduce() throws IOException {
    String generated = Traceability.render(
        Files.readString(SourceDocuments.catalogue(), StandardCharsets.UTF_8), SourceDocuments.bundledRules());
    if (Boolean.getBoolean("bvb.writeTraceability")) {
      Files.writeString(Traceability.FILE, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.readString(Traceability.FILE, StandardCharsets.UTF_8);
    String difference = Traceability.firstDifference(committed, generated);
    if (difference != null) {
      fail(difference + "\nrules/TRACEABILITY.md is stale; regenerate it with " + Traceability.REGENERATE);
    }
  }

  @Test
  void onlyIdsOfTheCatalogueSectionOneAreListed() {
    List<String> ids = lines().stream().filter(l -> l.matches("\\| [A-Z]+-\\d{3} \\| .*")).map(l -> l.split(" ")[1]).toList();
    assertEquals(List.of("SPEND-001", "SPEND-002", "TREE-001", "DATA-013", "MIG-001"), ids);
  }

  @Test
  void anEncodedIdNamesItsFilesInOrderAndItsRulesIncludingVariants() {
    assertTrue(lines().contains("| SPEND-001 | 000 | encoded | 10-spend-tiers.csv, 10-spend-tiers.drl (SPEND-001, SPEND-001.U) |"));
    assertTrue(lines().contains("| TREE-001 | 004 | encoded | 40-tree-004.drl (TREE-001.U, TREE-001) |"));
  }

  @Test
  void anIdNoRuleCarriesIsNotEncodedWithItsOwnReasonElseItsGroupsElseNone() {
    assertTrue(lines().contains("| DATA-013 | 004 | not encoded | INFO only: survey figure, context for reason text |"));
    assertTrue(lines().contains("| MIG-001 | 004 | not encoded | not yet encoded (migration plan next steps) |"));
    assertTrue(lines().contains("| SPEND-002 | 000 | not encoded | not yet encoded |"));
  }

  @Test
  void theSummaryCountsEncodedIdsPerGroupInCatalogueOrder() {
    List<String> l = lines();
    assertTrue(l.contains("**2 of 5 catalogue ids encoded.**"));
    int at = l.indexOf("| group | ids | encoded |");
    assertEquals(List.of("| SPEND | 2 | 1 |", "| TREE | 1 | 1 |", "| DATA | 1 | 0 |", "| MIG | 1 | 0 |"), l.subList(at + 2, at + 6));
  }

  @Test
  void aStaleTableIsReportedAtItsFirstDifferingLine() {
    String generated = Traceability.render(CATALOGUE, RULES);
    String stale = Traceability.render(CATALOGUE, RULES.subList(0, 1));
    String diff = Traceability.firstDifference(stale, generated);
    assertEquals(Path.of("rules", "TRACEABILITY.md") + ":9: committed \"**1 of 5 catalogue ids encoded.**\", generated "
        + "\"**2 of 5 catalogue ids encoded.**\"", diff);
    assertNull(Traceability.firstDifference(generated, generated));
  }
}
