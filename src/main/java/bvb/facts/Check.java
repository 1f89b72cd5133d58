package bvb.facts;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Range checks used by the fact records' constructors; each failure names its field. */
final class Check {
  static final long MAX_TOKENS_PER_MONTH = 1_000_000_000_000_000L; // 10^15: far beyond any workload
  static final double MAX_USD = 1e12; // a trillion dollars

  private Check() {}

  static Long count(String field, Long value, long max) {
    if (value == null) {
      return null;
    }
    if (value < 0) {
      throw new FieldException("FACTS-010", field, "must not be negative, got " + value);
    }
    if (value > max) {
      throw new FieldException(
          "FACTS-011", field, "is implausibly large: " + value + " (at most " + max + ")");
    }
    return value;
  }

  static Integer count(String field, Integer value, int max) {
    Long checked = count(field, value == null ? null : value.longValue(), max);
    return checked == null ? null : value;
  }

  static Double amount(String field, Double value, double max) {
    if (value == null) {
      return null;
    }
    if (value.isNaN() || value.isInfinite()) {
      throw new FieldException("FACTS-012", field, "must be a finite number, got " + value);
    }
    if (value < 0) {
      throw new FieldException("FACTS-010", field, "must not be negative, got " + value);
    }
    if (value > max) {
      throw new FieldException(
          "FACTS-011", field, "is implausibly large: " + value + " (at most " + max + ")");
    }
    return value;
  }

  static Double pct(String field, Double value) {
    return amount(field, value, 100);
  }

  static Double ratio(String field, Double value) {
    return amount(field, value, 1);
  }

  static Double atLeastOne(String field, Double value, double max) {
    Double checked = amount(field, value, max);
    if (checked != null && checked < 1) {
      throw new FieldException("FACTS-013", field, "must be at least 1, got " + value);
    }
    return checked;
  }

  /** An unmodifiable copy in natural (declaration) order, so output is deterministic. */
  static <E extends Comparable<E>> Set<E> set(Set<E> value) {
    return value == null
        ? Collections.emptySortedSet()
        : Collections.unmodifiableSortedSet(new TreeSet<>(value));
  }

  static <E extends Enum<E>> E orElse(E value, E unknown) {
    return value == null ? unknown : value;
  }

  static Answer answer(Answer a) {
    return a == null ? Answer.UNKNOWN : a;
  }
}
