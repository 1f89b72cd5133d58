package bvb.engine;

import bvb.engine.Conclusion.Excluded;
import bvb.engine.Conclusion.Verdict;
import bvb.engine.Conclusion.Warning;
import bvb.facts.Strategy;
import bvb.facts.Strategy.Family;
import bvb.tco.CostVerdict;
import bvb.tco.TcoComparison;
import bvb.tco.TcoResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reconciliation rules ({@code 90-reconcile.drl}) reason over: the documents' verdicts
 * sorted into families, the hard constraints, and what the TCO says is cheapest. Built once per
 * decision by {@link #of}; the rules decide which resolution path applies.
 *
 * <p>A document's <em>position</em> is the set of families of its strongest verdicts: a DEFAULT
 * stance ("start with the API") counts only when the document says nothing stronger. Verdicts of
 * the OTHER family (education, rejecting a frontier-scale build) answer another question and are
 * left out of positions.
 *
 * @param hardFamilies families that HARD verdicts require (OTHER left out unless it is the only one)
 * @param excludedFamilies families an {@link Excluded} conclusion rules out
 * @param hardConflict hard constraints exclude each other: two families required, or a required
 *     family ruled out by another hard constraint
 * @param provisionalFamily the family a non-HARD step-1 verdict of 004's tree keeps the data in
 *     (sensitive data, provider terms not yet reviewed), or null
 * @param positions each source document's position (documents without verdicts are absent)
 * @param agreedFamily the one family every position lies in, or null when they disagree
 * @param costWinner the cheapest priced strategy after the 30 % self-host buffer and the 20 % guard
 *     (TCO-003, TCO-004), or null without a TCO comparison
 * @param costUncertain a warning says the self-hosted estimate is incomplete (GPU only, hidden
 *     costs missing, engineering underestimated)
 */
public record Assessment(
    Set<Family> hardFamilies,
    Set<Family> excludedFamilies,
    boolean hardConflict,
    Family provisionalFamily,
    Map<Doc, Set<Family>> positions,
    Family agreedFamily,
    Strategy costWinner,
    boolean costUncertain,
    List<Verdict> verdicts,
    Map<Strategy, Double> costs) {

  /** Warnings that make a self-hosted total doubtful (51-tco-hidden-costs.drl). */
  static final Set<String> INCOMPLETE_ESTIMATE = Set.of("GPU_ONLY_ESTIMATE", "ENGINEERING_POSSIBLY_UNDERESTIMATED");

  /** The one family hard constraints require, or null (none, or they conflict). */
  public Family hardFamily() {
    return !hardConflict && hardFamilies.size() == 1 ? hardFamilies.iterator().next() : null;
  }

  public boolean hasHard() {
    return !hardFamilies.isEmpty();
  }

  /**
   * The family of the cheapest priced strategy, or null without a TCO comparison, or when that
   * strategy is self-operated on an incomplete estimate (it is not trusted to decide).
   */
  public Family costFamily() {
    return costWinner == null || costUncertain ? null : costWinner.family();
  }

  /** Builds the assessment from the session's conclusions and the calculator's results. */
  public static Assessment of(
      Collection<?> verdictObjects,
      Collection<?> exclusionObjects,
      Collection<?> results,
      Collection<?> comparisons,
      Collection<?> warnings) {
    List<Verdict> verdicts = new ArrayList<>();
    verdictObjects.forEach(o -> verdicts.add((Verdict) o));
    verdicts.sort(Comparator.comparing(Verdict::ruleId));
    Set<Family> excluded = EnumSet.noneOf(Family.class);
    exclusionObjects.forEach(o -> excluded.add(((Excluded) o).family()));

    Set<Family> hard = EnumSet.noneOf(Family.class);
    for (Verdict v : verdicts) {
      if (v.strength() == Strength.HARD) {
        hard.add(v.strategy().family());
      }
    }
    if (hard.size() > 1) {
      hard.remove(Family.OTHER); // a rejected frontier build says nothing about where to deploy
    }
    boolean conflict = hard.size() > 1 || hard.stream().anyMatch(excluded::contains);

    Family provisional = null;
    for (Verdict v : verdicts) {
      if (v.doc() == Doc.S004 && v.step() == 1 && v.strength() != Strength.HARD) {
        provisional = v.strategy().family();
      }
    }

    Map<Doc, Set<Family>> positions = new EnumMap<>(Doc.class);
    for (Doc doc : Doc.values()) {
      if (doc == Doc.BVB) {
        continue;
      }
      Strength top = null;
      for (Verdict v : verdicts) {
        if (v.doc() == doc && v.strategy().family() != Family.OTHER
            && (top == null || v.strength().compareTo(top) < 0)) {
          top = v.strength();
        }
      }
      if (top == null) {
        continue;
      }
      Set<Family> fams = EnumSet.noneOf(Family.class);
      for (Verdict v : verdicts) {
        if (v.doc() == doc && v.strength() == top && v.strategy().family() != Family.OTHER) {
          fams.add(v.strategy().family());
        }
      }
      positions.put(doc, fams);
    }
    Set<Family> all = EnumSet.noneOf(Family.class);
    positions.values().forEach(all::addAll);
    Family agreed = all.size() == 1 ? all.iterator().next() : null;

    Map<Strategy, Double> costs = new EnumMap<>(Strategy.class);
    for (Object o : results) {
      TcoResult r = (TcoResult) o;
      costs.put(Strategy.valueOf(r.strategy().name()), r.bufferedOrPlainTotalUsd());
    }
    Strategy winner = comparisons.isEmpty() ? null : costWinner(results, comparisons);
    boolean uncertain = false;
    for (Object o : winner != null && !winner.isApi() ? warnings : List.of()) {
      if (INCOMPLETE_ESTIMATE.contains(((Warning) o).code())) {
        uncertain = true;
      }
    }
    return new Assessment(hard, excluded, conflict, provisional, positions, agreed, winner, uncertain,
        List.copyOf(verdicts), costs);
  }

  /**
   * The cheapest API option, unless a self-operated option beats it after the buffer and the guard
   * (its comparison against that API option says SELF_HOST); then the cheapest such option.
   */
  public static Strategy costWinner(Collection<?> results, Collection<?> comparisons) {
    TcoResult bestApi = null;
    for (Object o : results) {
      TcoResult r = (TcoResult) o;
      if (r.strategy().isApi() && (bestApi == null || r.horizonTotalUsd() < bestApi.horizonTotalUsd())) {
        bestApi = r;
      }
    }
    TcoComparison bestSelf = null;
    for (Object o : comparisons) {
      TcoComparison c = (TcoComparison) o;
      if (bestApi != null && c.apiStrategy() != bestApi.strategy()) {
        continue;
      }
      if (c.verdict() == CostVerdict.SELF_HOST
          && (bestSelf == null || c.selfHostBufferedTotalUsd() < bestSelf.selfHostBufferedTotalUsd())) {
        bestSelf = c;
      }
    }
    if (bestSelf != null) {
      return Strategy.valueOf(bestSelf.selfHostStrategy().name());
    }
    if (bestApi != null) {
      return Strategy.valueOf(bestApi.strategy().name());
    }
    return null;
  }
}
