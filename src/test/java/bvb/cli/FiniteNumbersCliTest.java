package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An absurd cost line is a facts error (exit 4) naming the field, never "$Infinity" or "NaN%". */
class FiniteNumbersCliTest {
  @TempDir Path tmp;

  private Path facts(String apiLine) throws Exception {
    Path f = tmp.resolve("f.json");
    Files.writeString(f, """
        {"workload": {"tokensPerMonth": 50000000},
         "tco": {"strategies": {
           "API_FRONTIER": {"api": {%s}},
           "SELF_HOST_OPEN": {"gpu": {"gpuRentalMonthlyUsd": 4500, "gpuCount": 2}}}}}
        """.formatted(apiLine));
    return f;
  }

  @Test
  void hugeApiTokenCostExitsFourNamingTheField() throws Exception {
    for (String cmd : new String[] {"tco", "decide"}) {
      CliTest.Run r = CliTest.bvb(cmd, facts("\"apiTokenCostMonthlyUsd\": 1e308").toString(), "--format", "json");
      assertEquals(ExitCode.FACTS.code, r.code(), r.err());
      assertTrue(r.err().contains("apiTokenCostMonthlyUsd") && r.err().contains("implausibly large"), r.err());
      assertFalse(r.out().contains("Infinity") || r.out().contains("NaN"), r.out());
    }
  }

  @Test
  void largestPlausibleCostsStillPriceToFiniteTotals() throws Exception {
    CliTest.Run r = CliTest.bvb("tco", facts("\"apiTokenCostMonthlyUsd\": 1e12").toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("Infinity") || r.out().contains("NaN"), r.out());
  }
}
