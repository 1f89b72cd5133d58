package bvb.rules;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An interval of the real line, bounds open or closed, either end possibly infinite; empty when lo > hi. */
record Interval(double lo, boolean loClosed, double hi, boolean hiClosed) {
  static final Interval ALL = new Interval(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

  private static final Pattern TEXT = Pattern.compile(
      "\\s*([\\[(])\\s*([-+]?inf|[-+]?[0-9][0-9.]*(?:[eE][-+]?[0-9]+)?)\\s*,\\s*([-+]?inf|[-+]?[0-9][0-9.]*(?:[eE][-+]?[0-9]+)?)\\s*([\\])])\\s*");

  boolean isEmpty() {
    return lo > hi || (lo == hi && !(loClosed && hiClosed));
  }

  Interval intersect(Interval o) {
    double l;
    boolean lc;
    if (lo > o.lo) {
      l = lo;
      lc = loClosed;
    } else if (o.lo > lo) {
      l = o.lo;
      lc = o.loClosed;
    } else {
      l = lo;
      lc = loClosed && o.loClosed;
    }
    double h;
    boolean hc;
    if (hi < o.hi) {
      h = hi;
      hc = hiClosed;
    } else if (o.hi < hi) {
      h = o.hi;
      hc = o.hiClosed;
    } else {
      h = hi;
      hc = hiClosed && o.hiClosed;
    }
    return new Interval(l, lc, h, hc);
  }

  /** The interval a comparison {@code x OP value} leaves for x; null for operators that bound nothing. */
  static Interval of(String op, double value) {
    double inf = Double.POSITIVE_INFINITY;
    return switch (op) {
      case "<" -> new Interval(-inf, false, value, false);
      case "<=" -> new Interval(-inf, false, value, true);
      case ">" -> new Interval(value, false, inf, false);
      case ">=" -> new Interval(value, true, inf, false);
      case "==" -> new Interval(value, true, value, true);
      default -> null;
    };
  }

  /** Parses {@code [50000, 500000)}, {@code (-inf, 5000)}, {@code [500000, inf)}; null if malformed. */
  static Interval parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    Interval i = new Interval(number(m.group(2)), m.group(1).equals("["), number(m.group(3)), m.group(4).equals("]"));
    return i.isEmpty() ? null : i;
  }

  private static double number(String s) {
    return s.endsWith("inf") ? (s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : Double.parseDouble(s);
  }

  /** Equal as sets (an infinite end is open either way). */
  boolean sameAs(Interval o) {
    return lo == o.lo && hi == o.hi
        && (loClosed == o.loClosed || Double.isInfinite(lo)) && (hiClosed == o.hiClosed || Double.isInfinite(hi));
  }

  /** As an analyst writes it: {@code [50000, 500000]}, {@code (-inf, 50000)}. */
  @Override
  public String toString() {
    return (loClosed && !Double.isInfinite(lo) ? "[" : "(") + num(lo) + ", " + num(hi)
        + (hiClosed && !Double.isInfinite(hi) ? "]" : ")");
  }

  /** The bound as the rule's comparison reads: {@code < 50000}, {@code >= 50000 and <= 500000}. */
  String asComparison() {
    String low = Double.isInfinite(lo) ? "" : (loClosed ? ">= " : "> ") + num(lo);
    String high = Double.isInfinite(hi) ? "" : (hiClosed ? "<= " : "< ") + num(hi);
    if (lo == hi && loClosed && hiClosed) {
      return "== " + num(lo);
    }
    return low.isEmpty() ? (high.isEmpty() ? "any value" : high) : high.isEmpty() ? low : low + " and " + high;
  }

  static String num(double d) {
    if (Double.isInfinite(d)) {
      return d > 0 ? "+inf" : "-inf";
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }
}
