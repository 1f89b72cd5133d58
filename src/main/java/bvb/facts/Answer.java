package bvb.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A yes/no answer that can also be "not known yet". A missing answer is UNKNOWN, never false, so a
 * rule can ask for it instead of silently failing. In JSON: {@code true}, {@code false}, {@code
 * null} or {@code "unknown"}.
 */
public enum Answer {
  YES,
  NO,
  UNKNOWN;

  @JsonCreator
  static Answer fromJson(Object value) {
    if (value == null) {
      return UNKNOWN;
    }
    if (value instanceof Boolean b) {
      return b ? YES : NO;
    }
    if ("unknown".equals(value)) {
      return UNKNOWN;
    }
    throw new IllegalArgumentException(
        "expected true, false, null or \"unknown\", got " + describe(value));
  }

  private static String describe(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  @JsonValue
  Object toJson() {
    return switch (this) {
      case YES -> Boolean.TRUE;
      case NO -> Boolean.FALSE;
      case UNKNOWN -> "unknown";
    };
  }

  public boolean isKnown() {
    return this != UNKNOWN;
  }
}
