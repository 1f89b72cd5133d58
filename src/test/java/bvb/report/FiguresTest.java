package bvb.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiguresTest {
  @Test
  void amountsAndVolumesInRuleTextGetThousandsSeparators() {
    assertEquals("projected annual API spend = $30,000 < $50,000", Figures.group("projected annual API spend = $30000.0 < $50,000"));
    assertEquals("tokens/month = 1,000,000,000: seed 003's Heavy tier", Figures.group("tokens/month = 1000000000: seed 003's Heavy tier"));
    assertEquals("tokens/day = 33,333,333 >= 1,000,000", Figures.group("tokens/day = 33333333 >= 1,000,000"));
    assertEquals("labeled examples = 10,000, cost $1,234.5", Figures.group("labeled examples = 10000, cost $1234.5"));
    assertEquals("requests/day (100,000)", Figures.group("requests/day (100000)"));
    assertEquals("1,999 examples and $2,024", Figures.group("1999 examples and $2024"));
  }

  @Test
  void identifiersDatesYearsAndSmallNumbersAreLeftAlone() {
    for (String s : new String[] {"SITUATION_001_1", "TCO-009", "000_3ab125d9ff6c1535.txt", "asOf 2025-01-31",
        "in 2024 the price", "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "step 3",
        "v1.23456", "0.123456", "gpt-4o-2024", "999 requests", "1,000"}) {
      assertEquals(s, Figures.group(s));
    }
  }
}
