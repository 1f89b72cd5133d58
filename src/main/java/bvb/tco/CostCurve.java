package bvb.tco;

import bvb.catalog.PriceCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Monthly cost of every costed strategy across a range of monthly token volumes: the same cost
 * lines and catalog as the workload's report, priced by {@link TcoCalculator#compute} at each
 * volume, with the volume given the way the workload gave it (requests per day with tokens per
 * request, or monthly tokens). Monthly cost is the horizon total spread over the horizon, so the
 * curves meet exactly at the report's break-even volumes. {@code ownTokensPerMonth} is null when
 * the workload's volume is unknown (then there are no points).
 */
public record CostCurve(Double ownTokensPerMonth, List<Point> points) {

  /** Points computed when no count is given. */
  public static final int DEFAULT_POINTS = 61;
  /** The chart never reaches further than this multiple of the workload's own volume. */
  static final double MAX_RANGE_MULTIPLE = 20;

  public CostCurve {
    points = List.copyOf(points);
  }

  /**
   * One volume: monthly tokens, requests per day when they are known, and per strategy the monthly
   * cost and (for self-operated strategies) the monthly cost with the uncertainty buffer.
   */
  public record Point(
      double tokensPerMonth,
      Double requestsPerDay,
      Map<TcoStrategy, Double> monthlyUsd,
      Map<TcoStrategy, Double> bufferedMonthlyUsd) {
    public Point {
      monthlyUsd = Collections.unmodifiableMap(new EnumMap<>(monthlyUsd));
      bufferedMonthlyUsd = Collections.unmodifiableMap(new EnumMap<>(bufferedMonthlyUsd));
    }
  }

  /** The curve from 0 to beyond both the workload's volume and every break-even volume of the report. */
  public static CostCurve compute(TcoInputs in, Volume volume, PriceCatalog catalog, int horizonMonths, TcoReport report) {
    Volume base = volume == null ? Volume.NONE : volume;
    VolumeProfile own = VolumeProfile.of(base, new SourceLog());
    if (own.tokensPerMonth() == null) {
      return new CostCurve(null, List.of());
    }
    double ownTokens = own.tokensPerMonth();
    TreeSet<Double> xs = new TreeSet<>();
    xs.add(ownTokens);
    double max = ownTokens * 2;
    for (TcoComparison c : report.comparisons()) {
      for (BreakEven b : new BreakEven[] {c.breakEven(), c.breakEvenBuffered()}) {
        if (b != null && b.outcome() == BreakEven.Outcome.CROSSOVER && b.tokensPerMonth() != null) {
          double cap = ownTokens > 0 ? ownTokens * MAX_RANGE_MULTIPLE : Double.MAX_VALUE;
          if (b.tokensPerMonth() <= cap) {
            xs.add(b.tokensPerMonth());
            max = Math.max(max, b.tokensPerMonth() * 1.5);
          }
        }
      }
    }
    if (max <= 0) {
      max = 1_000_000;
    }
    for (int i = 0; i < DEFAULT_POINTS; i++) {
      xs.add(max * i / (DEFAULT_POINTS - 1));
    }
    TcoInputs lines = new TcoInputs(in.strategies(), null, in.horizonMonths());
    List<Point> points = new ArrayList<>();
    for (double x : xs) {
      Volume v = at(base, own, x);
      try {
        points.add(point(TcoCalculator.compute(lines, v, catalog, horizonMonths), v, own));
      } catch (TcoInputException e) {
        // a volume the cost lines cannot price (e.g. zero load for load-sized GPUs) is left out
      }
    }
    return new CostCurve(ownTokens, points);
  }

  /** The workload's volume rescaled to {@code tokens} a month, in the form the workload gave it. */
  static Volume at(Volume base, VolumeProfile own, double tokens) {
    if (base.requestsPerDay() != null && base.inputTokensPerRequest() != null
        && own.tokensPerCall() != null && own.tokensPerCall() > 0) {
      double rpd = tokens / (VolumeProfile.DAYS_PER_MONTH * own.attempts() * own.tokensPerCall());
      return new Volume(null, base.inputShareOfTokens(), Math.round(rpd), base.inputTokensPerRequest(),
          base.outputTokensPerRequest(), base.attemptsPerTask(), base.peakToMeanRatio());
    }
    Long rpd = null;
    if (base.requestsPerDay() != null && own.tokensPerMonth() > 0) {
      rpd = Math.round(base.requestsPerDay() * tokens / own.tokensPerMonth());
    }
    return new Volume(Math.round(tokens), base.inputShareOfTokens(), rpd, base.inputTokensPerRequest(),
        base.outputTokensPerRequest(), base.attemptsPerTask(), base.peakToMeanRatio());
  }

  private static Point point(TcoReport r, Volume v, VolumeProfile own) {
    VolumeProfile p = VolumeProfile.of(v, new SourceLog());
    Map<TcoStrategy, Double> monthly = new EnumMap<>(TcoStrategy.class);
    Map<TcoStrategy, Double> buffered = new EnumMap<>(TcoStrategy.class);
    r.results().forEach((s, t) -> {
      monthly.put(s, t.averageMonthlyUsd());
      if (t.bufferedTotalUsd() != null) {
        buffered.put(s, t.bufferedTotalUsd() / t.horizonMonths());
      }
    });
    Double rpd = p.requestsPerDay() != null ? p.requestsPerDay()
        : own.requestsPerDay() == null ? null : own.scaledTo(p.tokensPerMonth()).requestsPerDay();
    return new Point(p.tokensPerMonth(), rpd, monthly, buffered);
  }
}
