package bvb.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.facts.Strategy;
import bvb.tco.TcoStrategy;
import bvb.uncertainty.Sensitivity.Bar;
import org.junit.jupiter.api.Test;

class SensitivityTest {

  @Test
  void tornadoSwingOfEachInputEqualsItsHandComputationWidestFirst() {
    Sensitivity s = Sensitivity.run(SimulationTest.sample("sc-23r-003-very-heavy-team-ranges.json"), SimulationTest.ENGINE, SimulationTest.DAY);
    assertEquals(2, s.bars().size());
    Bar ml = s.bars().get(0);
    Bar devops = s.bars().get(1);
    assertTrue(ml.input().name().endsWith("engineering.mlEngineerFte"), ml.input().name());
    // 0 to 1 ML FTE at the catalog's $18,000 a month over 12 months
    assertEquals(1 * 18_000 * 12, ml.swing(TcoStrategy.SELF_HOST_OPEN), 1e-6);
    // 0.25 to 0.5 DevOps FTE at $16,000 a month over 12 months
    assertEquals(0.25 * 16_000 * 12, devops.swing(TcoStrategy.SELF_HOST_OPEN), 1e-6);
    assertEquals(0, ml.swing(TcoStrategy.API_FRONTIER), 1e-9);
    // at the point (0.5 ML FTE, DevOps at its mode 0.5): $8,000 GPUs + $9,000 ML + $8,000 DevOps + $1,500 a month
    assertEquals((8_000 + 9_000 + 8_000 + 1_000 + 500) * 12, s.pointTotals().get(TcoStrategy.SELF_HOST_OPEN), 1e-6);
  }

  @Test
  void flipPointIsWhereTheBufferedAndGuardedSelfHostTotalMeetsTheApi() {
    Sensitivity s = Sensitivity.run(SimulationTest.sample("sc-23r-003-very-heavy-team-ranges.json"), SimulationTest.ENGINE, SimulationTest.DAY);
    Bar ml = s.bars().get(0);
    assertEquals(Strategy.API_FRONTIER, s.pointRecommendation());
    assertEquals(1, ml.flips().size());
    assertEquals(Strategy.SELF_HOST_OPEN, ml.flips().get(0).to());
    // self-host wins once 1.3 x (210,000 + 216,000 f) < 300,000 (TCO-003), the stricter of buffer and 20 % guard
    double f = (300_000 / 1.3 - 210_000) / 216_000;
    assertEquals(f, ml.flips().get(0).value(), 0.5 / 4096 + 1e-9);
    assertTrue(s.bars().get(1).flips().isEmpty());
  }
}
