package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bvb simulate, sensitivity and decide's cost odds, run in-process. */
class UncertaintyCliTest {
  static final String SC23R = "facts-samples/sc-23r-003-very-heavy-team-ranges.json";

  @Test
  void samplesOutsideOneToAMillionAreAUsageError() {
    for (String n : new String[] {"0", "1000001", "-5"}) {
      Run r = CliTest.bvb("simulate", SC23R, "--samples", n);
      assertEquals(2, r.code(), n + ": " + r.err());
      assertTrue(r.err().contains("--samples"), r.err());
    }
  }

  @Test
  void simulateWithTheSameSeedPrintsTheSameBytes() {
    Run a = CliTest.bvb("simulate", SC23R, "--samples", "2000", "--decisions", "20", "--seed", "9", "--format", "json");
    Run b = CliTest.bvb("simulate", SC23R, "--samples", "2000", "--decisions", "20", "--seed", "9", "--format", "json");
    assertEquals(0, a.code(), a.err());
    assertEquals(a.out(), b.out());
    assertTrue(a.out().contains("\"selfHostCheaperPct\""), a.out());
  }

  @Test
  void aBadRangeIsAFactsErrorNamingTheField(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("bad.json");
    Files.writeString(f, Files.readString(Path.of(SC23R)).replace("\"low\": 0,", "\"low\": 3,"));
    for (String cmd : new String[] {"simulate", "sensitivity", "decide"}) {
      Run r = CliTest.bvb(cmd, f.toString());
      assertEquals(4, r.code(), cmd + ": " + r.err());
      assertTrue(r.err().contains("TCO-003 $.tco.strategies.SELF_HOST_OPEN.engineering.mlEngineerFte.low"), r.err());
    }
  }

  @Test
  void decideSaysHowOftenSelfHostingIsCheaperWhenTheFileHasRanges() {
    Run r = CliTest.bvb("decide", SC23R, "--no-what-if");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Cost ranges: self-hosting is cheaper in 17 % of 10,000 draws (seed 20261205"), r.out());
  }

  @Test
  void sensitivityHtmlHasATornadoChartAndNoScript() {
    Run r = CliTest.bvb("sensitivity", SC23R, "--format", "html");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("<svg") && r.out().contains("Tornado chart"), r.out());
    assertTrue(!r.out().contains("<script"));
  }
}
