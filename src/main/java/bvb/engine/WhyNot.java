package bvb.engine;

import bvb.engine.Conclusion.Excluded;
import bvb.engine.Conclusion.Reason;
import bvb.engine.Conclusion.Verdict;
import bvb.facts.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a strategy was not recommended: the hard constraints that ruled out its family, the reasons
 * against it, and the verdicts for it that the reconciliation overruled (each with its rule id).
 */
public record WhyNot(Strategy strategy, List<String> ruleIds, List<String> because) {

  /**
   * One entry per strategy any rule spoke of (a verdict, a reason, a ruled-out family, a priced
   * total), except the recommended one, in strategy order.
   */
  static List<WhyNot> of(Decision d) {
    Map<Strategy, WhyNot> out = new TreeMap<>();
    Strategy chosen = d.strategy();
    boolean keepRenting = chosen == Strategy.REJECT_FRONTIER_TRAINING;
    for (Verdict v : d.verdicts()) {
      if (v.strategy() == chosen) {
        continue;
      }
      String why;
      if (keepRenting && v.strategy().isApi()) {
        why = v.ruleId() + " (" + v.strength() + ") favours it, and it stays: rejecting a frontier-scale build means keep renting: " + v.text();
      } else if (v.strategy().family() == chosen.family()) {
        why = v.ruleId() + " (" + v.strength() + ") favoured it; " + chosen + " is the more specific choice in the same "
            + chosen.family() + " family (" + d.recommendation().resolution() + "): " + v.text();
      } else {
        why = v.ruleId() + " (" + v.strength() + ") favoured it, overruled by " + d.recommendation().path() + ": " + v.text();
      }
      add(out, v.strategy(), v.ruleId(), why);
    }
    for (Reason r : d.reasons()) {
      if (r.strategy() != chosen) {
        add(out, r.strategy(), r.ruleId(), r.ruleId() + (r.favours() ? " for it, outweighed: " : " against it: ") + r.text());
      }
    }
    for (Excluded e : d.exclusions()) {
      for (Strategy s : Strategy.values()) {
        if (s.family() == e.family() && s != chosen && s != Strategy.NONE) {
          add(out, s, e.ruleId(), e.ruleId() + " rules out every " + e.family() + " strategy: " + e.text());
        }
      }
    }
    if (d.tco() != null) {
      var results = d.tco().results();
      var mine = results.values().stream().filter(t -> t.strategy().name().equals(chosen.name())).findFirst();
      for (var t : results.values()) {
        Strategy s = Strategy.valueOf(t.strategy().name());
        if (s != chosen) {
          add(out, s, "TCO", String.format("priced at $%,.0f over %d months%s%s", t.horizonTotalUsd(), t.horizonMonths(),
              t.bufferedTotalUsd() == null ? "" : String.format(" ($%,.0f with the 30%% buffer)", t.bufferedTotalUsd()),
              mine.map(m -> String.format(", against $%,.0f for %s", m.horizonTotalUsd(), chosen)).orElse("")));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static void add(Map<Strategy, WhyNot> out, Strategy s, String ruleId, String text) {
    WhyNot w = out.computeIfAbsent(s, k -> new WhyNot(k, new ArrayList<>(), new ArrayList<>()));
    if (!w.ruleIds.contains(ruleId)) {
      w.ruleIds.add(ruleId);
    }
    w.because.add(text);
  }
}
