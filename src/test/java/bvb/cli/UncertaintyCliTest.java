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

  @Test
  void portfolioDecidesTheGoodFilesNamesTheBadOneAndExitsFour(@TempDir Path tmp) throws Exception {
    Files.copy(Path.of("facts-samples/sc-01-chatbot.json"), tmp.resolve("a.json"));
    Files.copy(Path.of(SC23R), tmp.resolve("b.json"));
    Files.writeString(tmp.resolve("c.json"), "{\"workload\": {");
    Files.writeString(tmp.resolve("c.expected.json"), "{}");
    Run r = CliTest.bvb("portfolio", tmp.toString(), "--format", "csv");
    assertEquals(4, r.code(), r.err());
    assertTrue(r.err().contains("c.json") && r.err().contains("FACTS-004"), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(4, lines.length, r.out());
    assertTrue(lines[1].contains("a.json") && lines[1].contains(",API_FRONTIER,HIGH,7183.33,7183.33,0.00,"), lines[1]);
    assertTrue(lines[2].contains("b.json") && lines[2].contains(",API_FRONTIER,MEDIUM,25000.00,25000.00,0.00,"), lines[2]);
    assertTrue(lines[3].contains("c.json") && lines[3].contains("FACTS-004"), lines[3]);
  }

  @Test
  void portfolioOfAJsonlFileNamesEachWorkloadByLine(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("p.jsonl");
    Files.writeString(f, "{\"name\": \"one\", \"workload\": {\"tokensPerMonth\": 5000000}}\n\n{\"workload\": 3}\n");
    Run r = CliTest.bvb("portfolio", f.toString(), "--format", "md");
    assertEquals(4, r.code(), r.err());
    assertTrue(r.out().contains("| p.jsonl:1 |"), r.out());
    assertTrue(r.err().contains("p.jsonl:3"), r.err());
  }
}
