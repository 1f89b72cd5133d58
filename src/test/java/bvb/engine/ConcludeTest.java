package bvb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ConcludeTest {
  @Test
  void aMissingValueInARuleTextPrintsAsUnknown() {
    assertEquals("spend unknown a month; latency unknown ms", Conclude.clean("spend $null a month; latency null ms"));
  }

  @Test
  void wordsThatOnlyContainNullAreLeftAlone() {
    assertEquals("nullable and annulled stay; unknown goes", Conclude.clean("nullable and annulled stay; null goes"));
  }

  @Test
  void nullAtEitherEndAndNextToPunctuationIsReplaced() {
    assertEquals("unknown, (unknown) unknown", Conclude.clean("null, (null) $null"));
    assertEquals("a_null unknownX unknown1 nulls", Conclude.clean("a_null nullX null1 nulls"));
  }

  @Test
  void aTextWithoutNullIsReturnedAsIs() {
    String text = "monthly spend $12,000";
    assertSame(text, Conclude.clean(text));
    assertEquals("", Conclude.clean(null));
  }
}
