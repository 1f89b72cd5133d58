package bvb.whatif;

import bvb.engine.Conclusion.NextStep;
import bvb.engine.Decision;
import bvb.facts.Strategy;
import bvb.whatif.WhatIf.Effect;
import bvb.whatif.WhatIf.FactEffect;
import bvb.whatif.WhatIf.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The next steps an analyst acts on: one per code (listing every rule that asked for it), ranked
 * decisive first ("if X, then Y"), then those that change only the confidence, then the rest in
 * the order the rules asked; steps that contradict the recommendation are left out.
 */
public final class RankedSteps {
  private RankedSteps() {}

  /** One ranked step; {@code ifThen} lists the values of its facts that change the answer. */
  public record Step(String code, Effect effect, List<String> ruleIds, String text, List<String> fields, List<String> ifThen) {
    public Step {
      ruleIds = List.copyOf(ruleIds);
      fields = List.copyOf(fields);
      ifThen = List.copyOf(ifThen);
    }
  }

  public static List<Step> of(Decision d) {
    Map<String, List<NextStep>> byCode = new LinkedHashMap<>();
    for (NextStep n : d.nextSteps()) {
      if (!contradicts(d, n.code())) {
        byCode.computeIfAbsent(n.code(), k -> new ArrayList<>()).add(n);
      }
    }
    Map<String, FactEffect> effects = new LinkedHashMap<>();
    if (d.whatIf() != null) {
      d.whatIf().facts().forEach(f -> effects.put(f.field(), f));
    }
    List<Step> steps = new ArrayList<>();
    byCode.forEach((code, ns) -> {
      List<String> ids = ns.stream().map(NextStep::ruleId).distinct().toList();
      List<String> fields = ns.stream().flatMap(n -> Counterfactuals.fieldsOf(n.text()).stream()).distinct().toList();
      Effect effect = Effect.NONE;
      List<String> ifThen = new ArrayList<>();
      for (String f : fields) {
        FactEffect fe = effects.get(f);
        if (fe == null) {
          continue;
        }
        if (fe.effect().compareTo(effect) < 0) {
          effect = fe.effect();
        }
        for (Outcome o : fe.changing()) {
          String line = "if " + f + " = " + o.value() + ", then " + o.strategy() + " (" + o.confidence() + ")";
          if (!ifThen.contains(line)) {
            ifThen.add(line);
          }
        }
      }
      if (isPathStep(d, code)) {
        effect = Effect.DECISIVE;
      }
      steps.add(new Step(code, effect, ids, ns.get(0).text(), fields, ifThen));
    });
    List<Step> ranked = new ArrayList<>(steps);
    ranked.sort(Comparator.comparing(Step::effect).thenComparing(s -> isPathStep(d, s.code()) ? 0 : 1));
    return List.copyOf(ranked);
  }

  /** The step the resolution path itself names: escalation (R1 conflict), pricing the workload (R4). */
  static boolean isPathStep(Decision d, String code) {
    return code.equals("ESCALATE_TO_DECISION_OWNER")
        || (code.equals("BUILD_FULL_TCO") && "R4".equals(d.recommendation().resolution()));
  }

  /**
   * Steps that contradict the recommendation: keeping an API fallback where hard constraints rule
   * the API out; a rough spreadsheet or a full TCO where the workload is already priced, or where a
   * frontier-scale build is rejected or the project is a learning budget.
   */
  static boolean contradicts(Decision d, String code) {
    Strategy s = d.strategy();
    boolean apiExcluded = d.exclusions().stream().anyMatch(e -> e.family() == Strategy.Family.API);
    return switch (code) {
      case "KEEP_FALLBACK_API" -> apiExcluded;
      case "BUILD_SPREADSHEET" -> d.tco() != null;
      case "BUILD_FULL_TCO" -> s == Strategy.REJECT_FRONTIER_TRAINING || s == Strategy.EDUCATION_PROJECT;
      default -> false;
    };
  }
}
