package bvb.tco;

import bvb.catalog.CatalogEntry;
import bvb.catalog.PriceCatalog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/** Entry point: costs every strategy in a {@code tco} section and compares API with self-host. */
public final class TcoCalculator {
  /** Horizons the calculator accepts, in months. */
  public static final Set<Integer> HORIZONS = Set.of(12, 24, 36);
  /** Horizon used when none is given (004: "12-month LLM deployment"). */
  public static final int DEFAULT_HORIZON_MONTHS = 12;

  private final TcoInputs inputs;
  private final PriceCatalog catalog;
  private final int horizon;
  private final VolumeProfile volume;

  private TcoCalculator(TcoInputs inputs, PriceCatalog catalog, int horizon, VolumeProfile volume) {
    this.inputs = inputs;
    this.catalog = catalog;
    this.horizon = horizon;
    this.volume = volume;
  }

  /** {@link #compute(TcoInputs, Volume, PriceCatalog, int)} over 12 months. */
  public static TcoReport compute(TcoInputs in, Volume volume, PriceCatalog catalog) {
    return compute(in, volume, catalog, DEFAULT_HORIZON_MONTHS);
  }

  /**
   * Costs every strategy over the horizon.
   *
   * @param volume may be null or {@link Volume#NONE} when no line derives from volume
   * @throws TcoInputException naming the field, for bad or insufficient input or a horizon not
   *     in {12, 24, 36}
   */
  public static TcoReport compute(TcoInputs in, Volume volume, PriceCatalog catalog, int horizonMonths) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(catalog, "catalog");
    if (!HORIZONS.contains(horizonMonths)) {
      throw new TcoInputException(TcoInputException.BAD_HORIZON, "horizonMonths",
          "must be 12, 24 or 36, was " + horizonMonths);
    }
    SourceLog volumeLog = new SourceLog();
    VolumeProfile profile = VolumeProfile.of(volume == null ? Volume.NONE : volume, volumeLog);
    return new TcoCalculator(in, catalog, horizonMonths, profile).run(volumeLog);
  }

  /**
   * Every strategy's result without comparisons, break-even or review ROI: the fast path for
   * pricing many variants of one tco section (bvb simulate, bvb sensitivity).
   *
   * @throws TcoInputException as {@link #compute(TcoInputs, Volume, PriceCatalog, int)}
   */
  public static Map<TcoStrategy, TcoResult> totals(TcoInputs in, Volume volume, PriceCatalog catalog, int horizonMonths) {
    if (!HORIZONS.contains(horizonMonths)) {
      throw new TcoInputException(TcoInputException.BAD_HORIZON, "horizonMonths",
          "must be 12, 24 or 36, was " + horizonMonths);
    }
    VolumeProfile profile = VolumeProfile.of(volume == null ? Volume.NONE : volume, new SourceLog());
    Map<TcoStrategy, TcoResult> results = new EnumMap<>(TcoStrategy.class);
    in.strategies().forEach((s, lines) -> results.put(s,
        StrategyCalculator.evaluate(new Ctx(s, lines, catalog, horizonMonths, profile, new SourceLog())).result()));
    Finite.check("tco", results);
    return results;
  }

  private TcoReport run(SourceLog volumeLog) {
    Map<TcoStrategy, StrategyCalculator.Costed> costed = new EnumMap<>(TcoStrategy.class);
    Set<String> catalogIds = new TreeSet<>();
    inputs.strategies().forEach((s, lines) -> {
      SourceLog log = new SourceLog();
      costed.put(s, StrategyCalculator.evaluate(new Ctx(s, lines, catalog, horizon, volume, log)));
      catalogIds.addAll(log.catalogIds());
    });
    Map<TcoStrategy, TcoResult> results = new EnumMap<>(TcoStrategy.class);
    costed.forEach((s, c) -> results.put(s, c.result()));
    List<TcoComparison> comparisons = new ArrayList<>();
    for (TcoStrategy api : costed.keySet()) {
      for (TcoStrategy self : costed.keySet()) {
        if (api.isApi() && !self.isApi()) {
          comparisons.add(TcoComparison.of(results.get(api), results.get(self),
              breakEven(api, self, costed, false), breakEven(api, self, costed, true)));
        }
      }
    }
    List<CatalogEntry> used = new ArrayList<>();
    catalogIds.forEach(id -> used.add(catalog.entry(id).orElseThrow()));
    Finite.check("tco", results);
    Finite.check("tco.comparisons", comparisons);
    return new TcoReport(horizon, results, comparisons, humanReview(), volumeLog.sources(), used,
        catalog.fileName(), catalog.sha256());
  }

  private BreakEven breakEven(TcoStrategy api, TcoStrategy self,
      Map<TcoStrategy, StrategyCalculator.Costed> costed, boolean buffered) {
    StrategyCalculator.Costed a = costed.get(api);
    StrategyCalculator.Costed s = costed.get(self);
    if (!a.volumeDependent() && !s.volumeDependent()) {
      double d = a.result().horizonTotalUsd() - selfTotal(s.result(), buffered);
      return new BreakEven(BreakEven.Outcome.VOLUME_INDEPENDENT, buffered, null, null,
          BreakEvenSolver.side(d), false, 0);
    }
    if (volume.tokensPerMonth() == null) {
      return new BreakEven(BreakEven.Outcome.NO_VOLUME, buffered, null, null, null, false, 0);
    }
    DoubleUnaryOperator diff = tokens -> {
      VolumeProfile v = volume.scaledTo(tokens);
      return totalAt(api, v).horizonTotalUsd() - selfTotal(totalAt(self, v), buffered);
    };
    DoubleUnaryOperator requests = volume.tokensPerCall() == null && volume.requestsPerDay() == null
        ? null : tokens -> volume.scaledTo(tokens).requestsPerDay();
    return BreakEvenSolver.solve(diff, volume.tokensPerMonth(),
        new double[] {a.tokensPerGpuStep(), s.tokensPerGpuStep()}, requests, buffered);
  }

  private static double selfTotal(TcoResult r, boolean buffered) {
    return buffered ? r.bufferedOrPlainTotalUsd() : r.horizonTotalUsd();
  }

  private TcoResult totalAt(TcoStrategy s, VolumeProfile v) {
    Ctx ctx = new Ctx(s, inputs.strategies().get(s), catalog, horizon, v, new SourceLog());
    return StrategyCalculator.evaluate(ctx).result();
  }

  private ReviewRoi humanReview() {
    TcoInputs.HumanReview review = inputs.humanReview();
    if (review == null) {
      return null;
    }
    if (volume.requestsPerDay() == null) {
      throw new TcoInputException(TcoInputException.MISSING, "volume.requestsPerDay",
          "needed for tco.humanReview");
    }
    return ReviewRoi.of(volume.requestsPerDay(), review);
  }
}
