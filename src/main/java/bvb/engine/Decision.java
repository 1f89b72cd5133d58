package bvb.engine;

import bvb.engine.Conclusion.Confidence;
import bvb.engine.Conclusion.Conflict;
import bvb.engine.Conclusion.Excluded;
import bvb.engine.Conclusion.NextStep;
import bvb.engine.Conclusion.Reason;
import bvb.engine.Conclusion.Recommendation;
import bvb.engine.Conclusion.Verdict;
import bvb.engine.Conclusion.Warning;
import bvb.facts.FactSet;
import bvb.facts.Strategy;
import bvb.facts.TokenVolume;
import bvb.tco.TcoReport;
import java.util.List;

/**
 * The result of one evaluation: the recommendation and everything that led to it, in firing order,
 * the facts bvb derived before the rules ran, and (when asked for) what would change the answer.
 * Immutable; renderers and the audit log only read it.
 */
public record Decision(
    String name,
    Recommendation recommendation,
    List<Verdict> verdicts,
    List<Reason> reasons,
    List<Excluded> exclusions,
    List<Warning> warnings,
    List<NextStep> nextSteps,
    List<Conflict> conflicts,
    List<Firing> firings,
    TokenVolume volume,
    TcoReport tco,
    String ruleSetHash,
    FactSet facts,
    List<String> derivedFacts,
    bvb.whatif.WhatIf whatIf) {

  public Decision {
    derivedFacts = List.copyOf(derivedFacts);
  }

  /** This decision with the counterfactual analysis attached (null: none was asked for). */
  public Decision withWhatIf(bvb.whatif.WhatIf w) {
    return new Decision(name, recommendation, verdicts, reasons, exclusions, warnings, nextSteps, conflicts,
        firings, volume, tco, ruleSetHash, facts, derivedFacts, w);
  }

  public Strategy strategy() {
    return recommendation.strategy();
  }

  /** For each strategy rules spoke of but did not recommend: what ruled it out or weighed against it. */
  public List<WhyNot> whyNot() {
    return WhyNot.of(this);
  }

  public Confidence confidence() {
    return recommendation.confidence();
  }

  /** Ids of the fired rules, in firing order. */
  public List<String> firedRuleIds() {
    return firings.stream().map(Firing::ruleId).toList();
  }
}
