package bvb.rules;

import static bvb.rules.RuleDirs.replace;
import static bvb.rules.RuleDirs.setCell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV decision table and the DRL file it loads in (copies of 11-request-volume.csv, rows 12-15:
 * REQ-003, REQ-004.1, REQ-004.2, REQ-004.3, and 11-token-volume.drl): bad input is reported at its
 * cell, file:row:column.
 */
class DecisionTableTest {
  @TempDir Path tmp;
  Path dir;
  Path csv;

  @BeforeEach
  void copy() throws IOException {
    dir = Files.createDirectories(tmp.resolve("rules"));
    csv = dir.resolve("11-request-volume.csv");
    Files.copy(Path.of("rules/11-request-volume.csv"), csv);
    Files.copy(Path.of("rules/11-token-volume.drl"), dir.resolve("11-token-volume.drl"));
  }

  private List<RuleError> errors() {
    return assertThrows(RulesException.class, () -> RuleSet.load(dir)).errors();
  }

  private static String rendered(List<RuleError> errors) {
    return errors.stream().map(RuleError::render).collect(Collectors.joining("\n"));
  }

  private void assertOnly(String where, String code, String text) {
    List<RuleError> errs = errors();
    assertEquals(1, errs.size(), rendered(errs));
    String r = errs.get(0).render();
    assertTrue(r.startsWith(csv + ":" + where + ": " + code + " ") && r.contains(text), r);
  }

  @Test
  void theTableCompilesToRulesThatKnowTheirRow() {
    RuleSet rs = RuleSet.load(dir);
    assertEquals(4, rs.rules().stream().filter(i -> i.file().equals(csv.toString())).count());
    RuleInfo r = rs.rules().stream().filter(i -> i.id().equals("REQ-004.1")).findFirst().orElseThrow();
    assertEquals(csv.toString(), r.file());
    assertEquals(13, r.line());
    assertEquals("verdicts", r.phase());
    assertTrue(r.source().startsWith("004_8337c1cb1b4d2fe8.txt: The crossover"), r.source());
    assertTrue(r.name().startsWith("REQ-004.1 Under 30,000 requests a day"), r.name());
  }

  @Test
  void theGeneratedDrlIsAvailable() {
    String drl = RuleFiles.read(dir).drl("11-request-volume.csv");
    assertTrue(drl.contains("@id(\"REQ-004.2\")"), drl);
    assertTrue(drl.contains("$w : Workload(requestsPerDay != null && requestsPerDay >= 30000, requestsPerDay != null && requestsPerDay <= 50000)"), drl);
    assertTrue(drl.contains("insert(Conclude.nextStep(drools, \"COMPUTE_TCO_CROSSOVER\""), drl);
  }

  @Test
  void aPlacementNamingNoRuleOrAnotherPackageIsNamedAtItsCell() {
    replace(csv, "after REQ-001.U", "after REQ-999");
    assertOnly("7:2", "TABLE-011", "no rule with @id(\"REQ-999\") in 11-token-volume.drl");
    replace(csv, "after REQ-999", "after REQ-001.U");
    replace(csv, "RuleSet,bvb.rules.volume", "RuleSet,bvb.rules.elsewhere");
    assertOnly("7:2", "TABLE-011", "shares its package: write RuleSet,bvb.rules.volume");
  }

  @Test
  void rowsLoadWhereTheirPlacementSays_betweenTheHostFilesRules() throws Exception {
    RuleSet rs = RuleSet.load(dir);
    java.util.Map<String, Integer> order = new java.util.HashMap<>();
    for (org.kie.api.definition.KiePackage p : rs.kieBase().getKiePackages()) {
      for (org.kie.api.definition.rule.Rule r : p.getRules()) {
        order.put(String.valueOf(r.getMetaData().get("id")), r.getLoadOrder());
      }
    }
    assertEquals(order.get("REQ-001.U") + 1, order.get("REQ-003"));
    assertEquals(order.get("REQ-004.3") + 1, order.get("UTIL-001"));
  }

  @Test
  void excelsOwnerFileIsIgnoredAndATableSavedAsXlsxIsNotSilentlyMissing() throws IOException {
    Files.writeString(dir.resolve("~$11-request-volume.csv"), "owner file Excel keeps while the table is open");
    assertEquals(4, RuleSet.load(dir).rules().stream().filter(i -> i.file().equals(csv.toString())).count());
    Files.write(dir.resolve("10-spend-tiers.xlsx"), new byte[] {'P', 'K', 3, 4});
    List<RuleError> errs = errors();
    assertEquals(1, errs.size(), rendered(errs));
    assertTrue(errs.get(0).render().contains("10-spend-tiers.xlsx:0:0: RULES-003 is a spreadsheet bvb does not read: save the decision table as CSV UTF-8 (10-spend-tiers.csv)"),
        errs.get(0).render());
  }

  @Test
  void anEmptyIdIsNamedAtItsCell() {
    setCell(csv, "REQ-004.1", "id", "");
    assertOnly("13:1", "TABLE-001", "empty id");
  }

  @Test
  void aDuplicatedIdNamesBothRows() {
    setCell(csv, "REQ-004.2", "id", "REQ-004.1");
    assertOnly("14:1", "TABLE-002", "duplicate id REQ-004.1 (also row 13)");
  }

  @Test
  void textWhereANumberBelongsIsNamedAtItsCell() {
    setCell(csv, "REQ-004.2", "requestsPerDay at least", "30,000");
    assertOnly("14:4", "TABLE-008", "\"30,000\" is not a number");
  }

  @Test
  void aCellBeyondTheLastColumnIsAnExtraColumn() {
    setCell(csv, "REQ-004.1", "id", "REQ-004.1,,,,,,,,,,,,,surplus");
    // the edit above wrote one quoted cell; write the row as a spreadsheet would instead
    replace(csv, "\"REQ-004.1,,,,,,,,,,,,,surplus\"", "REQ-004.1");
    List<String> lines = readLines();
    lines.set(12, lines.get(12) + ",surplus");
    writeLines(lines);
    assertOnly("13:14", "TABLE-007", "extra column: \"surplus\" has no column type above it");
  }

  @Test
  void mergedCellsInARuleRowOrUnderAnActionAreRejected() {
    setCell(csv, "REQ-004.3", "requestsPerDay more than", "...");
    List<String> lines = readLines();
    lines.set(8, lines.get(8).replaceFirst(",,,,,,$", ",...,,,,,"));
    writeLines(lines);
    String all = rendered(errors());
    assertTrue(all.contains(csv + ":9:8: TABLE-004 \"...\" (a merged cell) may only continue the fact of the CONDITION column"), all);
    assertTrue(all.contains(csv + ":15:5: TABLE-004 \"...\" (a merged cell) in a rule row"), all);
  }

  @Test
  void aSalienceColumnIsRejected() {
    List<String> lines = readLines();
    lines.set(7, lines.get(7).replace("DESCRIPTION", "SALIENCE"));
    writeLines(lines);
    String all = rendered(errors());
    assertTrue(all.contains(csv + ":8:13: TABLE-005 column type SALIENCE is not used in bvb tables: order comes from the phase"), all);
  }

  @Test
  void anActionThatDoesNotConcludeIsRejected() {
    replace(csv, "insert(Conclude.nextStep(drools, $param));", "System.out.println($param);");
    assertOnly("10:9", "TABLE-006", "an action inserts a conclusion through Conclude");
  }

  @Test
  void aCompileErrorInARowIsNamedAtThatRowNotInTheGeneratedDrl() {
    setCell(csv, "REQ-004.3", "verdict: strategy, strength, reason", "Strategy.NO_SUCH_STRATEGY, Strength.SOFT, \"x\"");
    List<RuleError> errs = errors();
    assertTrue(errs.stream().allMatch(e -> e.file().equals(csv.toString()) && e.line() == 15 && e.column() == 1
        && e.code().equals("RULES-010") && e.message().contains("--show-drl 11-request-volume.csv")), rendered(errs));
  }

  @Test
  void aPhaseOutsideBvbsPhasesIsNamedAtItsCell() {
    setCell(csv, "REQ-004.1", "phase", "verdict");
    assertOnly("13:3", "TABLE-009", "phase \"verdict\" is not one of [derive, constraints, verdicts, advice, reconcile]");
  }

  @Test
  void conventionsHoldAcrossTablesAndDrl_aTableIdTakenByADrlRuleIsADuplicate() throws IOException {
    Files.writeString(dir.resolve("a.drl"), RuleCompilerTest.HEADER
        + RuleCompilerTest.rule("REQ-004.2", "Workload( tokensPerMonth > 5 )", ""));
    List<RuleError> errs = errors();
    assertTrue(errs.stream().anyMatch(e -> e.code().equals("RULES-021") && e.message().startsWith("duplicate rule id REQ-004.2")
        && (e.file().equals(csv.toString()) && e.line() == 14 || e.message().contains(csv + ":14"))), rendered(errs));
  }

  @Test
  void severalProblemsAreAllReported() {
    setCell(csv, "REQ-004.1", "id", "");
    setCell(csv, "REQ-004.2", "requestsPerDay at most", "fifty thousand");
    setCell(csv, "REQ-004.3", "source", "");
    assertEquals(List.of("13:1 TABLE-001", "14:7 TABLE-008", "15:10 TABLE-001"),
        errors().stream().map(e -> e.line() + ":" + e.column() + " " + e.code()).toList());
  }

  @Test
  void aTableThatIsNotUtf8IsRejected() throws IOException {
    byte[] bytes = Files.readAllBytes(csv);
    byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
    bad[bytes.length] = (byte) 0xC3;
    bad[bytes.length + 1] = (byte) 0x28;
    Files.write(csv, bad);
    assertOnly("0:0", "TABLE-000", "not UTF-8");
  }

  private List<String> readLines() {
    try {
      return new java.util.ArrayList<>(Files.readAllLines(csv));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void writeLines(List<String> lines) {
    try {
      Files.write(csv, lines);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
