package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample decides with the decision tables exactly as with the DRL they replaced
 * (src/test/resources/bvb/rules/before-tables): the same decision JSON, what-if included, apart
 * from rule file names and lines and the rule set's hash.
 */
class TablesMoveTest {
  @TempDir Path tmp;

  @Test
  void everySampleDecidesAsWithTheDrlTheTablesReplaced() throws Exception {
    Path before = TestRules.copyTo(Files.createDirectories(tmp.resolve("before")));
    try (Stream<Path> csv = Files.list(before)) {
      for (Path p : csv.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.delete(p);
      }
    }
    try (Stream<Path> drl = Files.list(Path.of("src/test/resources/bvb/rules/before-tables"))) {
      for (Path p : drl.filter(p -> p.toString().endsWith(".drl")).toList()) {
        Files.copy(p, before.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path after = TestRules.copyTo(Files.createDirectories(tmp.resolve("after")));
    Path facts = Files.createDirectories(tmp.resolve("facts"));
    try (Stream<Path> samples = Files.list(Path.of("facts-samples"))) {
      for (Path p : samples.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")
          && !p.getFileName().toString().equals("facts.schema.json")).toList()) {
        Files.copy(p, facts.resolve(p.getFileName()));
      }
    }
    List<String> a = decide(before, facts);
    List<String> b = decide(after, facts);
    assertTrue(a.size() > 200, a.size() + " samples");
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i), b.get(i), "sample line " + (i + 1));
    }
  }

  /** One decision JSON line per sample, rule file names and the rule set's identity masked. */
  private static List<String> decide(Path rules, Path facts) {
    CliTest.Run r = CliTest.bvb("batch", "--what-if", "--no-cache", "--threads", "1", "--rules", rules.toString(), facts.toString());
    assertEquals(0, r.code(), r.err());
    String dir = java.util.regex.Pattern.quote(rules.toString());
    return r.out().lines()
        .map(l -> l.replaceAll(dir, "RULES")
            .replaceAll("RULES/[0-9A-Za-z_.-]+\\.(drl|csv)(:\\d+)?", "RULES/FILE")
            .replaceAll("\"ruleSet\":\\{[^}]*\\}", "\"ruleSet\":{}"))
        .toList();
  }
}
