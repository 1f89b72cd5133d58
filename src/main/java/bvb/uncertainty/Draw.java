package bvb.uncertainty;

import bvb.tco.Range;
import java.util.SplittableRandom;

/**
 * Draws a value of a {@link Range}: triangular on low, mode, high when the range has a mode,
 * uniform on low..high otherwise (inverse-CDF sampling, one uniform number per draw).
 */
final class Draw {
  private Draw() {}

  static double of(Range r, SplittableRandom rng) {
    double u = rng.nextDouble();
    double a = r.low();
    double b = r.high();
    if (a == b) {
      return a;
    }
    if (r.mode() == null) {
      return a + u * (b - a);
    }
    double c = r.mode();
    double f = (c - a) / (b - a);
    return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  }
}
