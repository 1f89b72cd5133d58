package bvb.tco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Reads a cost input ({@code Double} field) as a plain number or as a {@link Range} object, whose
 * {@link Range#point()} becomes the field's value. Ranges are accepted only inside the top-level
 * {@code tco} section (or everywhere, for a parser reading a tco section alone); every other
 * number is read exactly as Jackson's own deserializer reads it.
 */
public final class RangedNumberDeserializer extends JsonDeserializer<Double> {
  private static final NumberDeserializers.DoubleDeserializer PLAIN =
      new NumberDeserializers.DoubleDeserializer(Double.class, null);
  private final boolean everywhere;

  /** Which value of each range a read takes: its point (the default), or every range's low or high end. */
  public enum End { POINT, LOW, HIGH }

  private static final ThreadLocal<End> END = ThreadLocal.withInitial(() -> End.POINT);
  private static final ThreadLocal<int[]> RANGES_READ = ThreadLocal.withInitial(() -> new int[1]);

  /** Reads on this thread take {@code end} of every range until set back to {@link End#POINT}. */
  public static void take(End end) {
    END.set(end);
  }

  /** Ranges read on this thread since {@link #countFromZero()}. */
  public static int rangesRead() {
    return RANGES_READ.get()[0];
  }

  public static void countFromZero() {
    RANGES_READ.get()[0] = 0;
  }

  private RangedNumberDeserializer(boolean everywhere) {
    this.everywhere = everywhere;
  }

  /** A module for a fact-file mapper: ranges only under {@code $.tco}. */
  public static SimpleModule factFileModule() {
    return new SimpleModule("bvb-ranges").addDeserializer(Double.class, new RangedNumberDeserializer(false));
  }

  /** A module for a mapper that reads a tco section alone. */
  static SimpleModule tcoSectionModule() {
    return new SimpleModule("bvb-ranges-tco").addDeserializer(Double.class, new RangedNumberDeserializer(true));
  }

  @Override
  public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT && (everywhere || underTco(p))) {
      Range r = readRange(p, ctxt);
      RANGES_READ.get()[0]++;
      return switch (END.get()) {
        case POINT -> r.point();
        case LOW -> r.low();
        case HIGH -> r.high();
      };
    }
    return PLAIN.deserialize(p, ctxt);
  }

  @Override
  public Double getNullValue(DeserializationContext ctxt) {
    return null;
  }

  /** Reads {@code {"low": .., "high": .., "mode": ..}} at the parser's START_OBJECT. */
  public static Range readRange(JsonParser p, DeserializationContext ctxt) throws IOException {
    Double low = null;
    Double high = null;
    Double mode = null;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
        throw new TcoInputException(TcoInputException.MALFORMED, name,
            "a range's low, high and mode must be numbers, was " + p.getText());
      }
      double d = p.getDoubleValue();
      switch (name) {
        case "low" -> low = d;
        case "high" -> high = d;
        case "mode" -> mode = d;
        default -> throw new TcoInputException(TcoInputException.MALFORMED, name,
            "unknown field of a range; a range is {\"low\": .., \"high\": .., \"mode\": ..} (mode optional)");
      }
    }
    if (low == null || high == null) {
      throw new TcoInputException(TcoInputException.MISSING, low == null ? "low" : "high",
          "is required: a range is {\"low\": .., \"high\": ..} with an optional \"mode\"");
    }
    return new Range(low, high, mode);
  }

  private static boolean underTco(JsonParser p) {
    JsonStreamContext c = p.getParsingContext();
    while (c != null && c.getParent() != null && !c.getParent().inRoot()) {
      c = c.getParent();
    }
    return c != null && c.getParent() != null && "tco".equals(c.getCurrentName());
  }
}
