package bvb.uncertainty;

import bvb.engine.Engine;
import bvb.facts.Strategy;
import bvb.tco.TcoResult;
import bvb.tco.TcoStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One-at-a-time sensitivity of a fact file's ranged cost inputs: each input at its low and at its
 * high end with every other input at its point value; the swing of each strategy's horizon total
 * (a tornado, widest swing first) and whether the recommendation flips inside the range, and where
 * (found by bisection between the point and the end that flips it, re-deciding through the rules).
 */
public record Sensitivity(
    String name,
    int horizonMonths,
    Strategy pointRecommendation,
    Map<TcoStrategy, Double> pointTotals,
    List<Bar> bars,
    int decisions) {

  /** Bisection steps per flip: the flip value is located to 1/4096 of the distance from point to end. */
  static final int BISECTIONS = 12;

  /**
   * One input's bar.
   *
   * @param atLow each strategy's horizon total with the input at its low end
   * @param atHigh the same at its high end
   * @param swingUsd the largest |high - low| over the strategies
   * @param flips where the recommendation changes between the point and each end (0, 1 or 2)
   */
  public record Bar(RangedInput input, Map<TcoStrategy, Double> atLow, Map<TcoStrategy, Double> atHigh,
      double swingUsd, Strategy lowRecommendation, Strategy highRecommendation, List<Flip> flips) {

    /** |high - low| of one strategy's horizon total. */
    public double swing(TcoStrategy s) {
      return Math.abs(atHigh.get(s) - atLow.get(s));
    }
  }

  /** The recommendation is {@code from} on the point's side of {@code value} and {@code to} beyond it. */
  public record Flip(double value, Strategy from, Strategy to) {}

  public static Sensitivity run(UncertainFacts u, Engine engine, LocalDate today) {
    double[] point = u.points();
    Map<TcoStrategy, Double> pointTotals = totals(u, point);
    Strategy base = decide(u, engine, point, today);
    List<RangedInput> inputs = u.inputs();
    int[] decided = new int[inputs.size()];
    List<Bar> bars = new ArrayList<>(IntStream.range(0, inputs.size()).parallel()
        .mapToObj(k -> bar(u, engine, today, point, base, k, decided))
        .toList());
    bars.sort(Comparator.comparingDouble(Bar::swingUsd).reversed().thenComparing(b -> b.input().name()));
    return new Sensitivity(u.loaded().facts().name(), u.horizonMonths(), base,
        Collections.unmodifiableMap(pointTotals), List.copyOf(bars), 1 + IntStream.of(decided).sum());
  }

  private static Bar bar(UncertainFacts u, Engine engine, LocalDate today, double[] point, Strategy base, int k, int[] decided) {
    RangedInput in = u.inputs().get(k);
    double[] lo = with(point, k, in.range().low());
    double[] hi = with(point, k, in.range().high());
    Map<TcoStrategy, Double> atLow = totals(u, lo);
    Map<TcoStrategy, Double> atHigh = totals(u, hi);
    double swing = 0;
    for (TcoStrategy s : atLow.keySet()) {
      swing = Math.max(swing, Math.abs(atHigh.get(s) - atLow.get(s)));
    }
    Strategy lowRec = decide(u, engine, lo, today);
    Strategy highRec = decide(u, engine, hi, today);
    decided[k] += 2;
    List<Flip> flips = new ArrayList<>();
    if (lowRec != base) {
      flips.add(flip(u, engine, today, point, k, in.range().point(), in.range().low(), base, decided));
    }
    if (highRec != base) {
      flips.add(flip(u, engine, today, point, k, in.range().point(), in.range().high(), base, decided));
    }
    return new Bar(in, atLow, atHigh, swing, lowRec, highRec, List.copyOf(flips));
  }

  /** Bisects between {@code same} (decides as {@code base}) and {@code other} (does not). */
  private static Flip flip(UncertainFacts u, Engine engine, LocalDate today, double[] point, int k,
      double same, double other, Strategy base, int[] decided) {
    Strategy to = null;
    for (int i = 0; i < BISECTIONS; i++) {
      double mid = (same + other) / 2;
      Strategy s = decide(u, engine, with(point, k, mid), today);
      decided[k]++;
      if (s == base) {
        same = mid;
      } else {
        other = mid;
        to = s;
      }
    }
    if (to == null) {
      to = decide(u, engine, with(point, k, other), today);
    }
    return new Flip(other, base, to);
  }

  private static double[] with(double[] values, int k, double v) {
    double[] c = values.clone();
    c[k] = v;
    return c;
  }

  private static Map<TcoStrategy, Double> totals(UncertainFacts u, double[] values) {
    Map<TcoStrategy, Double> out = new EnumMap<>(TcoStrategy.class);
    for (Map.Entry<TcoStrategy, TcoResult> e : Simulation.priced(u, values).entrySet()) {
      out.put(e.getKey(), e.getValue().horizonTotalUsd());
    }
    return Collections.unmodifiableMap(out);
  }

  private static Strategy decide(UncertainFacts u, Engine engine, double[] values, LocalDate today) {
    return engine.decide(u.facts(values), today).strategy();
  }
}
