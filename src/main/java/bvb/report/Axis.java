package bvb.report;

import java.util.Locale;

/** Round axis ranges and short labels for money and token counts. */
final class Axis {
  private Axis() {}

  /** A 1-2-2.5-5 step that divides {@code max} into about {@code target} intervals. */
  static double step(double max, int target) {
    if (!(max > 0)) {
      return 1;
    }
    double raw = max / target;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * mag;
  }

  /** The smallest multiple of {@link #step} at or above {@code max}. */
  static double top(double max, int target) {
    double s = step(max, target);
    return Math.max(s, Math.ceil(max / s - 1e-9) * s);
  }

  /** $1.2M, $450k, $800. */
  static String money(double v) {
    return "$" + compact(v);
  }

  /** 7.5B, 750M, 20k, 500. */
  static String compact(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) {
      return trim(v / 1e9) + "B";
    }
    if (a >= 1e6) {
      return trim(v / 1e6) + "M";
    }
    if (a >= 1e3) {
      return trim(v / 1e3) + "k";
    }
    return trim(v);
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
