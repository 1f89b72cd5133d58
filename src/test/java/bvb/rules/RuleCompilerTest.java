package bvb.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCompilerTest {
  @TempDir Path dir;

  static final String HEADER = "package t;\nimport bvb.facts.Workload;\nimport bvb.engine.Conclude;\n";

  static String rule(String id, String when, String then) {
    return "rule \"" + id + " test rule\"\n  @id(\"" + id + "\")\n  @source(\"bvb: test\")\n"
        + "  agenda-group \"verdicts\"\nwhen\n  " + when + "\nthen\n  " + then + "\nend\n";
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  private List<RuleError> errors() {
    return assertThrows(RulesException.class, () -> RuleSet.load(dir)).errors();
  }

  @Test
  void validRulesCompileWithTheirMetadata() throws IOException {
    write("a.drl", HEADER + rule("T-1", "Workload( tokensPerMonth > 5 )", ""));
    RuleSet rs = RuleSet.load(dir);
    assertEquals(1, rs.rules().size());
    RuleInfo r = rs.rules().get(0);
    assertEquals("T-1", r.id());
    assertEquals("bvb: test", r.source());
    assertEquals("verdicts", r.phase());
    assertEquals(4, r.line());
    assertTrue(r.file().endsWith("a.drl"));
  }

  @Test
  void syntaxErrorIsReportedWithFileLineAndColumn() throws IOException {
    write("a.drl", HEADER + rule("T-1", "Workload( tokensPerMonth > )", ""));
    List<RuleError> errs = errors();
    RuleError e = errs.get(0);
    assertTrue(e.file().endsWith("a.drl"), e.render());
    assertEquals(9, e.line(), e.render());
    assertTrue(e.column() > 0, e.render());
    assertTrue(e.render().matches(".*a\\.drl:9:\\d+: RULES-010 .*"), e.render());
  }

  @Test
  void unknownFieldIsACompileErrorNamingTheRuleFile() throws IOException {
    write("a.drl", HEADER + rule("T-1", "Workload( montlyTokens > 5 )", ""));
    RuleError e = errors().get(0);
    assertTrue(e.file().endsWith("a.drl"), e.render());
    assertTrue(e.line() > 0, e.render());
    assertTrue(e.message().contains("montlyTokens"), e.render());
  }

  @Test
  void errorsInSeveralFilesAreAllReported() throws IOException {
    write("a.drl", HEADER + rule("T-1", "Workload( tokensPerMonth > )", ""));
    write("b.drl", HEADER.replace("package t;", "package u;") + rule("T-2", "Workload( nope > 1 )", ""));
    List<RuleError> errs = errors();
    assertTrue(errs.stream().anyMatch(e -> e.file().endsWith("a.drl")), errs.toString());
    assertTrue(errs.stream().anyMatch(e -> e.file().endsWith("b.drl")), errs.toString());
  }

  @Test
  void ruleWithoutIdOrSourceIsRejected() throws IOException {
    write("a.drl", HEADER + "rule \"x\"\n  agenda-group \"verdicts\"\nwhen\n  Workload()\nthen\nend\n");
    List<String> codes = errors().stream().map(RuleError::code).toList();
    assertTrue(codes.contains("RULES-020"), codes.toString());
    assertTrue(codes.contains("RULES-022"), codes.toString());
  }

  @Test
  void duplicateRuleIdIsRejected() throws IOException {
    write("a.drl", HEADER + rule("T-1", "Workload()", "") + rule("T-1", "Workload()", "").replace("test rule", "other"));
    RuleError e = errors().get(0);
    assertEquals("RULES-021", e.code());
    assertTrue(e.message().contains("T-1"), e.render());
  }

  @Test
  void ruleOutsideThePhasesIsRejected() throws IOException {
    write("a.drl", HEADER + rule("T-1", "Workload()", "").replace("  agenda-group \"verdicts\"\n", ""));
    assertEquals("RULES-023", errors().get(0).code());
  }

  @Test
  void emptyOrMissingDirectoryIsAnError() {
    assertEquals("RULES-002", errors().get(0).code());
    RulesException e = assertThrows(RulesException.class, () -> RuleSet.load(dir.resolve("missing")));
    assertEquals("RULES-001", e.errors().get(0).code());
  }

  @Test
  void fixingABrokenFileNeedsNoRebuild() throws IOException {
    write("a.drl", HEADER + rule("T-1", "Workload( tokensPerMonth > )", ""));
    errors();
    write("a.drl", HEADER + rule("T-1", "Workload( tokensPerMonth > 1 )", ""));
    assertEquals(1, RuleSet.load(dir).rules().size());
  }

  @Test
  void contentHashChangesWithAnyEditAndIgnoresOtherFiles() throws IOException {
    write("a.drl", HEADER + rule("T-1", "Workload()", ""));
    String h1 = RuleSet.load(dir).sha256();
    write("notes.txt", "not a rule");
    assertEquals(h1, RuleSet.load(dir).sha256());
    write("a.drl", HEADER + rule("T-1", "Workload( tokensPerMonth > 0 )", ""));
    assertTrue(!h1.equals(RuleSet.load(dir).sha256()));
  }

  @Test
  void bundledRulesCompile() {
    RuleSet rs = RuleSet.load(Path.of("rules"));
    assertTrue(rs.rules().size() >= 10);
    assertTrue(rs.rules().stream().anyMatch(r -> r.id().equals("TREE-001")));
  }
}
