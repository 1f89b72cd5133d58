package bvb.tco;

import java.util.function.DoubleUnaryOperator;

/**
 * Finds the first monthly token volume where API total minus self-host total changes sign. Both
 * totals are linear in volume between GPU steps, so each segment between steps is solved in
 * closed form from two interior evaluations; a sign change across a step is reported as such.
 */
final class BreakEvenSolver {
  static final double MIN_RANGE_TOKENS = 1e13;
  static final int MAX_SEGMENTS = 200_000;

  private BreakEvenSolver() {}

  /**
   * @param diff API total minus self-host total at a monthly token volume
   * @param steps token volumes per GPU step of either side (NaN when that side has none)
   * @param requestsAt requests per day at a token volume, or null when unknown
   */
  static BreakEven solve(DoubleUnaryOperator diff, double baseTokens, double[] steps,
      DoubleUnaryOperator requestsAt, boolean buffered) {
    double end = Math.max(MIN_RANGE_TOKENS, 10 * baseTokens);
    double perToken = 0;
    for (double s : steps) {
      perToken += Double.isNaN(s) ? 0 : 1 / s;
    }
    if (end * perToken > MAX_SEGMENTS) {
      end = MAX_SEGMENTS / perToken;
    }
    StepCursor cursor = new StepCursor(steps, end);
    double a = 0;
    int prev = 0;
    while (a < end) {
      double b = cursor.next(a);
      double x1 = a + (b - a) / 4;
      double x2 = a + 3 * (b - a) / 4;
      double f1 = diff.applyAsDouble(x1);
      double slope = (diff.applyAsDouble(x2) - f1) / (x2 - x1);
      double fa = f1 - slope * (x1 - a);
      double fb = f1 + slope * (b - x1);
      int sa = (int) Math.signum(fa);
      if (prev == 0) {
        prev = sa != 0 ? sa : (int) Math.signum(slope);
      } else if (sa != 0 && sa != prev) {
        return found(a, true, prev, requestsAt, buffered, end);
      }
      if (slope != 0 && ((fa < 0 && fb >= 0) || (fa > 0 && fb <= 0))) {
        double root = Math.min(b, Math.max(a, x1 - f1 / slope));
        return found(root, false, fa < 0 ? -1 : 1, requestsAt, buffered, end);
      }
      prev = fb != 0 ? (int) Math.signum(fb) : prev;
      a = b;
    }
    return new BreakEven(BreakEven.Outcome.NO_CROSSOVER_IN_RANGE, buffered, null, null,
        side(prev), false, end);
  }

  private static BreakEven found(double tokens, boolean atStep, int signBelow,
      DoubleUnaryOperator requestsAt, boolean buffered, double end) {
    Double rpd = requestsAt == null ? null : requestsAt.applyAsDouble(tokens);
    return new BreakEven(BreakEven.Outcome.CROSSOVER, buffered, tokens, rpd, side(signBelow), atStep, end);
  }

  /** Negative difference (API minus self-host) means the API is cheaper. */
  static CostVerdict side(double sign) {
    return sign <= 0 ? CostVerdict.API : CostVerdict.SELF_HOST;
  }

  /** Walks the merged multiples of several step sizes up to an end. */
  private static final class StepCursor {
    private final double[] steps;
    private final long[] index;
    private final double end;

    StepCursor(double[] steps, double end) {
      this.steps = steps;
      this.index = new long[steps.length];
      this.end = end;
    }

    double next(double after) {
      double best = end;
      for (int i = 0; i < steps.length; i++) {
        if (Double.isNaN(steps[i])) {
          continue;
        }
        while ((index[i] + 1) * steps[i] <= after) {
          index[i]++;
        }
        best = Math.min(best, (index[i] + 1) * steps[i]);
      }
      return best;
    }
  }
}
