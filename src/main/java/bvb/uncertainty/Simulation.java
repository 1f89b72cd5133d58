package bvb.uncertainty;

import bvb.engine.Assessment;
import bvb.engine.Engine;
import bvb.facts.FactsException;
import bvb.facts.Strategy;
import bvb.tco.TcoComparison;
import bvb.tco.TcoInputException;
import bvb.tco.TcoResult;
import bvb.tco.TcoStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A Monte Carlo run over a fact file's ranged cost inputs: {@code samples} draws of every input
 * (one {@link SplittableRandom} seeded with {@code seed}, inputs drawn in order within each draw,
 * so a seed always gives the same draws), every strategy priced per draw; the first
 * {@code decisions} draws are also decided by the rules.
 *
 * @param totals P10/P50/P90 of each strategy's horizon total
 * @param savingsVsApi for each self-operated strategy, P10/P50/P90 of the cheapest API option's
 *     horizon total minus its own (positive: cheaper than the API)
 * @param cheapestPct per strategy, the percentage of draws in which it is the cheapest option after
 *     the 30 % self-host buffer and the 20 % guard (as the reconciliation's TCO-003/TCO-004 judge)
 * @param selfHostCheaperPct the percentage of draws in which a self-operated option is cheapest so
 * @param pointRecommendation what the rules recommend at the point estimate; null when no draw was decided
 * @param recommendationPct per recommended strategy, its percentage of the decided draws
 * @param sortedTotals each strategy's horizon totals, sorted (for charts)
 */
public record Simulation(
    String name,
    int samples,
    long seed,
    int horizonMonths,
    List<RangedInput> inputs,
    Map<TcoStrategy, Double> pointTotals,
    Map<TcoStrategy, Quantiles> totals,
    Map<TcoStrategy, Quantiles> savingsVsApi,
    Map<Strategy, Double> cheapestPct,
    double selfHostCheaperPct,
    boolean selfHostPriced,
    int decisions,
    Strategy pointRecommendation,
    Map<Strategy, Double> recommendationPct,
    Map<TcoStrategy, double[]> sortedTotals) {

  /** The seed used when none is given, so that a decision and its replay give the same figures. */
  public static final long DEFAULT_SEED = 20_261_205L;
  /** Draws a decision's one-line summary is based on. */
  public static final int DEFAULT_SAMPLES = 10_000;
  /** Draws re-decided by the rules when none is said. */
  public static final int DEFAULT_DECISIONS = 500;
  /** Largest --samples. */
  public static final int MAX_SAMPLES = 1_000_000;

  /**
   * Runs the simulation.
   *
   * @param decisions how many of the draws (the first ones) to decide; 0 for costs only
   * @param today the date decisions are made as of (price ages)
   */
  public static Simulation run(UncertainFacts u, Engine engine, int samples, long seed, int decisions, LocalDate today) {
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be 1 to " + MAX_SAMPLES + ", was " + samples);
    }
    double[][] draws = draws(u, samples, seed);
    List<TcoStrategy> strategies = new ArrayList<>(u.price(u.points()).keySet());
    double[][] totals = new double[strategies.size()][samples];
    double[] bestApi = new double[samples];
    Strategy[] winners = new Strategy[samples];
    IntStream.range(0, samples).parallel().forEach(n -> {
      Map<TcoStrategy, TcoResult> r = priced(u, draws[n]);
      for (int s = 0; s < strategies.size(); s++) {
        totals[s][n] = r.get(strategies.get(s)).horizonTotalUsd();
      }
      bestApi[n] = r.values().stream().filter(x -> x.strategy().isApi())
          .mapToDouble(TcoResult::horizonTotalUsd).min().orElse(Double.NaN);
      winners[n] = winner(r);
    });
    Map<TcoStrategy, Double> point = new EnumMap<>(TcoStrategy.class);
    priced(u, u.points()).forEach((s, r) -> point.put(s, r.horizonTotalUsd()));
    Map<TcoStrategy, Quantiles> q = new EnumMap<>(TcoStrategy.class);
    Map<TcoStrategy, Quantiles> savings = new EnumMap<>(TcoStrategy.class);
    Map<TcoStrategy, double[]> sorted = new EnumMap<>(TcoStrategy.class);
    for (int s = 0; s < strategies.size(); s++) {
      TcoStrategy st = strategies.get(s);
      double[] t = totals[s].clone();
      Arrays.sort(t);
      sorted.put(st, t);
      q.put(st, Quantiles.ofSorted(t));
      if (!st.isApi() && !Double.isNaN(bestApi[0])) {
        double[] d = new double[samples];
        for (int n = 0; n < samples; n++) {
          d[n] = bestApi[n] - totals[s][n];
        }
        savings.put(st, Quantiles.of(d));
      }
    }
    int selfCheaper = 0;
    Map<Strategy, Integer> wins = new EnumMap<>(Strategy.class);
    for (Strategy w : winners) {
      if (w != null) {
        wins.merge(w, 1, Integer::sum);
        selfCheaper += w.isApi() ? 0 : 1;
      }
    }
    int decided = Math.min(decisions, samples);
    Strategy[] recs = new Strategy[decided];
    IntStream.range(0, decided).parallel().forEach(n -> recs[n] = engine.decide(u.facts(draws[n]), today).strategy());
    Map<Strategy, Integer> recCounts = new EnumMap<>(Strategy.class);
    for (Strategy r : recs) {
      recCounts.merge(r, 1, Integer::sum);
    }
    Strategy pointRec = decided == 0 ? null : engine.decide(u.facts(u.points()), today).strategy();
    return new Simulation(u.loaded().facts().name(), samples, seed, u.horizonMonths(), u.inputs(),
        Collections.unmodifiableMap(point), Collections.unmodifiableMap(q), Collections.unmodifiableMap(savings),
        percentages(wins, samples), 100.0 * selfCheaper / samples,
        strategies.stream().anyMatch(s -> !s.isApi()), decided, pointRec, percentages(recCounts, decided),
        Collections.unmodifiableMap(sorted));
  }

  /** Every draw's values, drawn in order from one generator seeded with {@code seed}. */
  static double[][] draws(UncertainFacts u, int samples, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<RangedInput> inputs = u.inputs();
    double[][] out = new double[samples][inputs.size()];
    for (double[] row : out) {
      for (int k = 0; k < row.length; k++) {
        row[k] = Draw.of(inputs.get(k).range(), rng);
      }
    }
    return out;
  }

  static Map<TcoStrategy, TcoResult> priced(UncertainFacts u, double[] values) {
    try {
      return u.price(values);
    } catch (TcoInputException e) {
      throw FactsException.fromTco(u.loaded().origin(), e);
    }
  }

  /** The cheapest option after the buffer and the guard, as the reconciliation judges it. */
  static Strategy winner(Map<TcoStrategy, TcoResult> results) {
    List<TcoComparison> comparisons = new ArrayList<>();
    for (TcoResult api : results.values()) {
      for (TcoResult self : results.values()) {
        if (api.strategy().isApi() && !self.strategy().isApi()) {
          comparisons.add(TcoComparison.of(api, self));
        }
      }
    }
    return comparisons.isEmpty() ? null : Assessment.costWinner(results.values(), comparisons);
  }

  private static Map<Strategy, Double> percentages(Map<Strategy, Integer> counts, int of) {
    List<Map.Entry<Strategy, Integer>> es = new ArrayList<>(counts.entrySet());
    es.sort(Map.Entry.<Strategy, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    Map<Strategy, Double> out = new LinkedHashMap<>();
    es.forEach(e -> out.put(e.getKey(), 100.0 * e.getValue() / of));
    return Collections.unmodifiableMap(out);
  }

  /** "self-hosting is cheaper in 64 % of 10,000 draws", or null when no self-operated option is priced. */
  public String oneLine() {
    if (!selfHostPriced) {
      return null;
    }
    return String.format(java.util.Locale.ROOT, "self-hosting is cheaper in %s %% of %,d draws", pct(selfHostCheaperPct), samples);
  }

  /** A percentage as printed: whole numbers, with one decimal below 1 % and above 99 %. */
  public static String pct(double p) {
    if ((p > 0 && p < 1) || (p > 99 && p < 100)) {
      return String.format(java.util.Locale.ROOT, "%.1f", p);
    }
    return String.format(java.util.Locale.ROOT, "%.0f", p);
  }
}
