package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --decision-timeout}: a spinning rule ends the command with exit 5, naming the rule and its file:line. */
class DecisionTimeoutCliTest {
  @TempDir Path tmp;

  static final String SPIN = bvb.engine.SpinningRule.SPIN_1;

  /** The bundled rules plus a rule whose consequence never returns, in {@code dir}. */
  static Path spinningRules(Path dir) throws Exception {
    Files.createDirectories(dir);
    TestRules.copyTo(dir);
    Files.writeString(dir.resolve("99-spin.drl"), SPIN);
    return dir;
  }

  @Test
  void spinningRuleExitsFiveNamingRuleAndFileLine() throws Exception {
    Path rules = spinningRules(tmp.resolve("rules"));
    long t0 = System.nanoTime();
    CliTest.Run d = CliTest.bvb("decide", "facts-samples/sc-05-company-b.json", "--rules", rules.toString(), "--no-cache",
        "--decision-timeout", "0.5");
    double s = (System.nanoTime() - t0) / 1e9;
    assertEquals(ExitCode.ENGINE.code, d.code(), d.err());
    assertEquals("", d.out());
    assertTrue(d.err().contains("SPIN-1 \"SPIN-1 spins\" (" + rules.resolve("99-spin.drl") + ":3)"), d.err());
    assertTrue(d.err().contains("after 0.5 s (--decision-timeout)"), d.err());
    assertEquals(1, d.err().lines().count(), d.err());
    assertTrue(s < 30, "took " + s + " s");
  }

  @Test
  void negativeOrNonNumericDecisionTimeoutIsAUsageError() {
    assertEquals(ExitCode.USAGE.code, CliTest.bvb("decide", "facts-samples/sc-05-company-b.json", "--decision-timeout", "-1").code());
    assertEquals(ExitCode.USAGE.code, CliTest.bvb("decide", "facts-samples/sc-05-company-b.json", "--decision-timeout", "NaN").code());
    assertEquals(ExitCode.USAGE.code, CliTest.bvb("decide", "facts-samples/sc-05-company-b.json", "--decision-timeout", "x").code());
  }
}
