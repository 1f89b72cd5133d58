package bvb.serve;

import bvb.TestRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.rules.RuleFiles;
import bvb.rules.RuleSet;
import bvb.rules.RulesException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed rule set is compiled by a child JVM into the cache and loaded from there; errors still name file and line. */
class BackgroundCompilerTest {
  /** The child is a bvb of this build: it keys the cache with these versions. */
  static final String VERSIONS = bvb.cli.Versions.ruleCache();

  @TempDir Path rules;
  @TempDir Path cache;

  @Test
  void childCompilesIntoTheCacheAndABrokenFileStillReportsItsLine() throws Exception {
    TestRules.copyTo(rules);
    Path tree = rules.resolve("40-tree-004.drl");
    Files.writeString(tree, Files.readString(tree) + "\n// an edit no cache has seen\n");
    RuleFiles files = RuleFiles.read(rules);
    StringWriter err = new StringWriter();
    BackgroundCompiler compiler = new BackgroundCompiler(cache, VERSIONS, new PrintWriter(err, true));
    assertFalse(RuleSet.isCached(files, cache, VERSIONS));

    RuleSet compiled = compiler.apply(files);
    assertEquals(files.sha256(), compiled.sha256());
    assertTrue(RuleSet.isCached(files, cache, VERSIONS), "stored by the child process");
    assertTrue(compiled.rules().stream().allMatch(r -> r.file().startsWith(rules.toString())));

    Files.writeString(tree, Files.readString(tree) + "\nrule \"BROKEN\"\n  when\n    Workload( > )\n  then\nend\n");
    RulesException e = assertThrows(RulesException.class, () -> compiler.apply(RuleFiles.read(rules)));
    assertTrue(e.errors().get(0).render().startsWith(tree + ":"), e.errors().get(0).render());
  }
}
