package bvb.tco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every tco input has an upper bound, and the calculator never reports NaN or an infinite total. */
class FiniteNumbersTest {
  @Test
  void absurdCostLineIsRejectedNamingTheField() {
    TcoInputException e = assertThrows(TcoInputException.class,
        () -> Checks.nonNegative("api.apiTokenCostMonthlyUsd", 1e308));
    assertEquals(TcoInputException.OUT_OF_RANGE, e.code());
    assertTrue(e.getMessage().contains("api.apiTokenCostMonthlyUsd") && e.getMessage().contains("implausibly large"),
        e.getMessage());
    Checks.nonNegative("api.apiTokenCostMonthlyUsd", 1e12); // the bound itself is fine
    Checks.nonNegative("volume.tokensPerMonth", 1e15);
    assertThrows(TcoInputException.class, () -> Checks.nonNegative("volume.tokensPerMonth", 1.1e15));
  }

  record Line(double total, Double share, Map<String, Double> byCategory) {}

  @Test
  void nonFiniteOutputFailsNamingWhereItCameOut() {
    Finite.check("tco", Map.of("API_FRONTIER", new Line(1, 2.0, Map.of("COMPUTE", 3.0))));
    TcoInputException e = assertThrows(TcoInputException.class,
        () -> Finite.check("tco", Map.of("API_FRONTIER", new Line(1, null, Map.of("COMPUTE", Double.POSITIVE_INFINITY)))));
    assertEquals(TcoInputException.NOT_FINITE, e.code());
    assertTrue(e.getMessage().contains("tco.API_FRONTIER.byCategory.COMPUTE"), e.getMessage());
    TcoInputException nan = assertThrows(TcoInputException.class, () -> Finite.check("tco.comparisons", List.of(new Line(Double.NaN, 1.0, Map.of()))));
    assertTrue(nan.getMessage().contains("tco.comparisons[0].total") && nan.getMessage().contains("NaN"), nan.getMessage());
  }
}
