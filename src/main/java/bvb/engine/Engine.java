package bvb.engine;

import bvb.engine.Conclusion.Conflict;
import bvb.engine.Conclusion.Excluded;
import bvb.engine.Conclusion.NextStep;
import bvb.engine.Conclusion.Reason;
import bvb.engine.Conclusion.Recommendation;
import bvb.engine.Conclusion.Verdict;
import bvb.engine.Conclusion.Warning;
import bvb.facts.FactSet;
import bvb.rules.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.runtime.KieSession;

/** Makes one decision: a fresh session over the facts, phases in order, firing bounded. */
public final class Engine {
  /** Firings allowed for one decision before it is treated as a rule loop. */
  public static final int MAX_FIRINGS = 10_000;

  private final RuleSet rules;

  public Engine(RuleSet rules) {
    this.rules = rules;
  }

  public RuleSet rules() {
    return rules;
  }

  public Decision decide(FactSet facts) {
    KieSession session = rules.kieBase().newKieSession();
    Recorder recorder = new Recorder();
    try {
      session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
      session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
      insertFacts(session, facts);
      List<String> groups = Phase.groups();
      for (int i = groups.size() - 1; i >= 0; i--) {
        session.getAgenda().getAgendaGroup(groups.get(i)).setFocus();
      }
      int fired = session.fireAllRules(MAX_FIRINGS);
      if (fired >= MAX_FIRINGS) {
        throw new RuleLoopException(loopMessage(recorder));
      }
    } finally {
      session.dispose();
    }
    return assemble(facts, recorder);
  }

  private static void insertFacts(KieSession session, FactSet f) {
    session.insert(f.workload());
    session.insert(f.volume());
    session.insert(f.latency());
    session.insert(f.data());
    session.insert(f.customization());
    session.insert(f.team());
    session.insert(f.business());
    session.insert(f.current());
  }

  private Decision assemble(FactSet facts, Recorder r) {
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
        facts.volume(),
        rules.sha256());
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
