package bvb.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads whole-number fields ({@code Long}, {@code Integer}) as JSON Schema counts integers: any
 * number whose value is integral, so {@code 50000000}, {@code 5e7} and {@code 50000000.0} are the
 * same. A number with a fraction ({@code 5.5}) fails naming the field.
 */
public final class WholeNumbers {
  private WholeNumbers() {}

  /** Long and Integer deserializers that accept integral numbers written with a fraction or exponent. */
  public static SimpleModule module() {
    return new SimpleModule("bvb-whole-numbers")
        .addDeserializer(Long.class, new Whole<>(Long.MIN_VALUE, Long.MAX_VALUE, BigInteger::longValue,
            new NumberDeserializers.LongDeserializer(Long.class, null)))
        .addDeserializer(Integer.class, new Whole<>(Integer.MIN_VALUE, Integer.MAX_VALUE, BigInteger::intValue,
            new NumberDeserializers.IntegerDeserializer(Integer.class, null)));
  }

  private static final class Whole<T> extends JsonDeserializer<T> {
    private final BigInteger min;
    private final BigInteger max;
    private final java.util.function.Function<BigInteger, T> convert;
    private final JsonDeserializer<T> plain;

    Whole(long min, long max, java.util.function.Function<BigInteger, T> convert, JsonDeserializer<T> plain) {
      this.min = BigInteger.valueOf(min);
      this.max = BigInteger.valueOf(max);
      this.convert = convert;
      this.plain = plain;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
        return plain.deserialize(p, ctxt);
      }
      String text = p.getText();
      BigDecimal d = p.getDecimalValue();
      BigInteger whole;
      try {
        whole = d.toBigIntegerExact();
      } catch (ArithmeticException e) {
        String m = "must be a whole number, got " + text;
        throw JsonMappingException.from(p, m, new FieldException("FACTS-006", "", m));
      }
      if (whole.compareTo(min) < 0 || whole.compareTo(max) > 0) {
        String m = "is implausibly large: " + text;
        throw JsonMappingException.from(p, m, new FieldException("FACTS-011", "", m));
      }
      return convert.apply(whole);
    }

    @Override
    public T getNullValue(DeserializationContext ctxt) {
      return null;
    }
  }
}
