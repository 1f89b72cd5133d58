package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.report.Json;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseBufferTest {
  @Test
  void holdsOneCompactJsonLineAndStartsAfreshForTheNext() throws Exception {
    ResponseBuffer b = ResponseBuffer.of(Map.of("a", "x".repeat(300_000)));
    assertEquals("{\"a\":\"\"}\n".length() + 300_000, b.size());
    ResponseBuffer again = ResponseBuffer.of(Map.of("b", 1));
    assertEquals("{\"b\":1}\n", new String(again.bytes(), 0, again.size(), "UTF-8"));
    assertArrayEquals((Json.COMPACT.writeValueAsString(Map.of("b", 1)) + "\n").getBytes("UTF-8"),
        Arrays.copyOf(again.bytes(), again.size()));
  }

  @Test
  void aBufferGrownPastTheLimitIsNotKept() throws Exception {
    ResponseBuffer big = ResponseBuffer.of(Map.of("a", "x".repeat(2 * ResponseBuffer.KEEP_BYTES)));
    assertTrue(big.bytes().length > ResponseBuffer.KEEP_BYTES);
    ResponseBuffer next = ResponseBuffer.of(Map.of("b", 1));
    assertTrue(next.bytes().length <= ResponseBuffer.KEEP_BYTES, "kept " + next.bytes().length + " bytes");
  }
}
