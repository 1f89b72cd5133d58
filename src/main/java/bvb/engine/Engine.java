package bvb.engine;

import bvb.engine.Conclusion.Conflict;
import bvb.engine.Conclusion.Excluded;
import bvb.engine.Conclusion.NextStep;
import bvb.engine.Conclusion.Reason;
import bvb.engine.Conclusion.Recommendation;
import bvb.engine.Conclusion.Verdict;
import bvb.engine.Conclusion.Warning;
import bvb.facts.FactSet;
import bvb.catalog.PriceCatalog;
import bvb.catalog.StalePrice;
import java.time.LocalDate;
import java.time.ZoneOffset;
import bvb.facts.TokenVolume;
import bvb.facts.Workload;
import bvb.rules.RuleSet;
import bvb.tco.EngineerTokenEquivalent;
import bvb.tco.TcoCalculator;
import bvb.tco.TcoReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/** Makes one decision: a fresh session over the facts, phases in order, firing bounded. */
public final class Engine {
  /** Firings allowed for one decision before it is treated as a rule loop. */
  public static final int MAX_FIRINGS = 10_000;

  private final RuleSet rules;
  private final java.util.function.Supplier<PriceCatalog> catalog;
  private final int horizonMonths;
  private final int maxPriceAgeDays;
  /** The longest one decision may run before it is halted; 0: no limit. */
  private volatile long timeoutNanos = DEFAULT_DECISION_TIMEOUT.toNanos();

  /** The default time limit of one decision ({@code --decision-timeout}). */
  public static final java.time.Duration DEFAULT_DECISION_TIMEOUT = java.time.Duration.ofSeconds(5);

  /** Catalog prices older than this many days make a decision warn (REEVAL-004), by default. */
  public static final int DEFAULT_MAX_PRICE_AGE_DAYS = 365;

  /** An engine for fact sets without a {@code tco} section. */
  public Engine(RuleSet rules) {
    this(rules, (PriceCatalog) null, TcoCalculator.DEFAULT_HORIZON_MONTHS, DEFAULT_MAX_PRICE_AGE_DAYS);
  }

  /**
   * An engine that prices a fact set's {@code tco} section with this catalog over this horizon and
   * reports catalog prices older than {@code maxPriceAgeDays} as stale.
   */
  public Engine(RuleSet rules, PriceCatalog catalog, int horizonMonths, int maxPriceAgeDays) {
    this(rules, () -> catalog, horizonMonths, maxPriceAgeDays);
  }

  /**
   * As above, with the catalog read only when a fact set first needs it (a decision without a
   * {@code tco} section never touches it); the supplier may return null for "no catalog".
   */
  public Engine(RuleSet rules, java.util.function.Supplier<PriceCatalog> catalog, int horizonMonths, int maxPriceAgeDays) {
    if (maxPriceAgeDays < 0) {
      throw new IllegalArgumentException("maxPriceAgeDays must be >= 0, got " + maxPriceAgeDays);
    }
    this.rules = rules;
    this.catalog = memoize(catalog);
    this.horizonMonths = horizonMonths;
    this.maxPriceAgeDays = maxPriceAgeDays;
  }

  /**
   * Sets the longest one decision may run (zero: no limit); a decision that runs longer is halted
   * from outside its thread and fails with {@link DecisionTimeoutException}. Returns this engine.
   */
  public Engine decisionTimeout(java.time.Duration limit) {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("decision timeout must be >= 0, got " + limit);
    }
    this.timeoutNanos = limit.toNanos();
    return this;
  }

  /** The longest one decision may run; zero: no limit. */
  public java.time.Duration decisionTimeout() {
    return java.time.Duration.ofNanos(timeoutNanos);
  }

  public RuleSet rules() {
    return rules;
  }

  /** The price catalog, or null when none was loaded. */
  public PriceCatalog catalog() {
    return catalog.get();
  }

  /** The same rules and catalog, pricing over another horizon (12, 24 or 36 months). */
  public Engine withHorizon(int months) {
    return months == horizonMonths ? this
        : new Engine(rules, catalog, months, maxPriceAgeDays).decisionTimeout(decisionTimeout());
  }

  /** The horizon a fact set is priced over: its tco section's own, else this engine's. */
  public int horizonFor(FactSet facts) {
    return facts.tco() != null && facts.tco().horizonMonths() != null ? facts.tco().horizonMonths() : horizonMonths;
  }

  /** The TCO horizon in months. */
  public int horizonMonths() {
    return horizonMonths;
  }

  private static <T> java.util.function.Supplier<T> memoize(java.util.function.Supplier<T> s) {
    return new java.util.function.Supplier<>() {
      private T value;
      private boolean done;

      @Override
      public synchronized T get() {
        if (!done) {
          value = s.get();
          done = true;
        }
        return value;
      }
    };
  }

  /** Decides as of today (UTC). */
  public Decision decide(FactSet facts) {
    return decide(facts, LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * Decides as of {@code today} (the date price ages are measured against); a {@code tco} section
   * is priced first and its results enter the session as facts.
   */
  public Decision decide(FactSet facts, LocalDate today) {
    return decide(facts, today, null);
  }

  /**
   * As above, reusing the TCO report of {@code earlier} when this fact set has
   * the same tco section and volume, so its totals are the same: counterfactuals that change
   * another fact skip the calculator.
   */
  public Decision decide(FactSet facts, LocalDate today, Decision earlier) {
    return decide(facts, today, earlier, true);
  }

  /**
   * A decision whose firings name their rules but keep neither the facts they matched nor their
   * bindings: for output that shows only the fired rule ids (a batch summary). Everything else is as
   * {@link #decide(FactSet)}; such a decision is not for the decision log, whose records carry the trace.
   */
  public Decision decideBrief(FactSet facts) {
    return decide(facts, LocalDate.now(ZoneOffset.UTC), null, false);
  }

  private Decision decide(FactSet facts, LocalDate today, Decision earlier, boolean matches) {
    TokenVolume volume = facts.volume(); // one instance: the session and the decision share it
    TcoReport tco = null;
    if (earlier != null && earlier.tco() != null && facts.tco() != null && facts.tco().equals(earlier.facts().tco())
        && facts.tcoVolume().equals(earlier.facts().tcoVolume()) && horizonFor(facts) == earlier.tco().horizonMonths()) {
      tco = earlier.tco();
    } else if (facts.tco() != null) {
      PriceCatalog prices = catalog.get();
      if (prices == null) {
        throw new EngineException(
            "the fact set has a tco section but there is no price catalog: put prices.json in the rules directory or give --catalog FILE");
      }
      tco = TcoCalculator.compute(facts.tco(), facts.tcoVolume(), prices, horizonFor(facts));
    }
    KieSessionsPool pool = rules.sessions().pool(); // reset and reused, shared by every engine over this rule base
    KieSession session = pool.newKieSession();
    Recorder recorder = new Recorder(matches);
    session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
    session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
    TcoReport priced = tco;
    int fired;
    try {
      fired = Watchdog.run(timeoutNanos, session::halt, () -> fire(session, facts, volume, priced, today));
    } catch (Watchdog.TimedOut e) {
      // The session may be mid-firing or unwound by ThreadDeath: never back into the pool. A new
      // pool replaces the one it came from (which still lists it), so it is garbage once free.
      rules.sessions().replace(pool);
      throw RuleFault.timeout(rules, recorder, e, timeoutNanos);
    } catch (RuntimeException e) {
      release(session, recorder);
      throw RuleFault.thrown(rules, recorder, e);
    }
    try {
      if (fired >= MAX_FIRINGS) {
        throw new RuleLoopException(loopMessage(recorder));
      }
    } finally {
      release(session, recorder);
    }
    return assemble(facts, volume, recorder, tco);
  }

  private static void release(KieSession session, Recorder recorder) {
    session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
    session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
    session.dispose(); // returns the session, reset, to the pool
  }

  /** Inserts the facts and fires the phases in order; returns the number of firings. */
  private int fire(KieSession session, FactSet facts, TokenVolume volume, TcoReport tco, LocalDate today) {
    insertFacts(session, facts, volume);
    EngineerTokenEquivalent yardstick = engineerTokenEquivalent(facts.workload());
    if (yardstick != null) {
      session.insert(yardstick);
    }
    if (tco != null) {
      tco.results().values().forEach(session::insert);
      tco.comparisons().forEach(session::insert);
      for (var r : tco.results().values()) {
        bvb.tco.GpuLoad load = bvb.tco.GpuLoad.of(r, volume.tokensPerMonth() == null ? null : volume.tokensPerMonth().doubleValue(),
            facts.workload().peakToMeanRatio(), catalog.get());
        if (load != null) {
          session.insert(load);
        }
      }
      for (var e : tco.staleCatalogEntries(today, maxPriceAgeDays)) {
        session.insert(StalePrice.of(e, today, maxPriceAgeDays));
      }
    }
    List<String> groups = Phase.groups();
    for (int i = groups.size() - 1; i >= 0; i--) {
      session.getAgenda().getAgendaGroup(groups.get(i)).setFocus();
    }
    return session.fireAllRules(MAX_FIRINGS);
  }

  /**
   * Seed 004's engineer-salary-in-tokens yardstick (TOK-003) for the workload's API model, when the
   * fact file names the model and its input share (given, or from tokens per request) and the
   * catalog prices it; null otherwise.
   */
  private EngineerTokenEquivalent engineerTokenEquivalent(Workload w) {
    Double share = w.inputShareOfTokens();
    if (share == null && w.inputTokensPerRequest() != null && w.outputTokensPerRequest() != null
        && w.inputTokensPerRequest() + w.outputTokensPerRequest() > 0) {
      share = w.inputTokensPerRequest() / (double) (w.inputTokensPerRequest() + w.outputTokensPerRequest());
    }
    if (w.apiModel() == null || share == null) {
      return null;
    }
    PriceCatalog prices = catalog.get();
    return prices == null ? null : EngineerTokenEquivalent.of(prices, w.apiModel(), share);
  }

  private static void insertFacts(KieSession session, FactSet f, TokenVolume volume) {
    session.insert(f.workload().withDerivedSpend());
    session.insert(volume);
    session.insert(f.latency());
    session.insert(f.data());
    session.insert(f.customization());
    session.insert(f.team());
    session.insert(f.business());
    session.insert(f.current());
  }

  private Decision assemble(FactSet facts, TokenVolume volume, Recorder r, TcoReport tco) {
    List<Recommendation> recs = only(r, Recommendation.class);
    if (recs.size() != 1) {
      throw new EngineException(
          recs.isEmpty()
              ? "no recommendation: no reconciliation rule fired for these facts"
              : recs.size() + " recommendations: reconciliation rules "
                  + recs.stream().map(Recommendation::ruleId).toList() + " all fired; exactly one may");
    }
    return new Decision(
        facts.name(),
        recs.get(0),
        only(r, Verdict.class),
        only(r, Reason.class),
        only(r, Excluded.class),
        only(r, Warning.class),
        only(r, NextStep.class),
        only(r, Conflict.class),
        List.copyOf(r.firings),
        volume,
        tco,
        rules.sha256(),
        facts,
        derivedFacts(facts.workload()),
        null);
  }

  /** The facts bvb derived before the rules ran (annual and monthly spend from each other). */
  static List<String> derivedFacts(Workload w) {
    Workload d = w.withDerivedSpend();
    if (d == w) {
      return List.of();
    }
    return w.annualApiSpendUsd() == null
        ? List.of(String.format("workload.annualApiSpendUsd = %,.0f (derived: workload.monthlyLlmSpendUsd x 12)", d.annualApiSpendUsd()))
        : List.of(String.format("workload.monthlyLlmSpendUsd = %,.0f (derived: workload.annualApiSpendUsd / 12)", d.monthlyLlmSpendUsd()));
  }

  private static <T> List<T> only(Recorder r, Class<T> type) {
    return r.conclusions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static String loopMessage(Recorder r) {
    Map<String, Long> counts =
        r.firings.stream()
            .collect(Collectors.groupingBy(f -> f.ruleId() + " \"" + f.ruleName() + "\"", TreeMap::new, Collectors.counting()));
    String top =
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(3)
            .map(e -> e.getKey() + " fired " + e.getValue() + " times")
            .collect(Collectors.joining("; "));
    return "rules fired " + MAX_FIRINGS + " times without finishing, a rule loop: " + top;
  }

}
