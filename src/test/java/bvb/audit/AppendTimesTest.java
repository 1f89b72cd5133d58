package bvb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AppendTimesTest {
  @Test
  void quantilesAreTheUpperBoundsOfTheirTenMicrosecondBuckets() {
    AppendTimes t = new AppendTimes();
    assertNull(t.summary());
    for (int i = 0; i < 98; i++) {
      t.add(405_000); // 0.405 ms
    }
    t.add(2_000_000);
    t.add(250_000_000); // over the histogram's 100 ms: counted in its last bucket, shown as max
    assertEquals(0.41, t.quantileMillis(0.5), 1e-9);
    assertEquals(2.01, t.quantileMillis(0.99), 1e-9);
    assertEquals("100 appends: p50 0.41 ms, p99 2.01 ms, max 250.00 ms", t.summary());
  }
}
