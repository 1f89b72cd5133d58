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

  /** One entry per strategy any rule spoke of, except the recommended one, in strategy order. */
  static List<WhyNot> of(Decision d) {
    Map<Strategy, WhyNot> out = new TreeMap<>();
    Strategy chosen = d.strategy();
    for (Verdict v : d.verdicts()) {
      if (v.strategy() != chosen) {
        add(out, v.strategy(), v.ruleId(), v.ruleId() + " (" + v.strength() + ") favoured it, overruled by "
            + d.recommendation().path() + ": " + v.text());
      }
    }
    for (Reason r : d.reasons()) {
      if (r.strategy() != chosen) {
        add(out, r.strategy(), r.ruleId(), r.ruleId() + (r.favours() ? " for it, outweighed: " : " against it: ") + r.text());
      }
    }
    for (Excluded e : d.exclusions()) {
      for (Strategy s : out.keySet().toArray(new Strategy[0])) {
        if (s.family() == e.family()) {
          add(out, s, e.ruleId(), e.ruleId() + " rules out every " + e.family() + " strategy: " + e.text());
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
