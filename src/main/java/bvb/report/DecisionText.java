package bvb.report;

import bvb.engine.Conclusion;
import bvb.engine.Decision;
import bvb.engine.Firing;
import java.io.PrintWriter;
import bvb.whatif.RankedSteps;
import java.util.List;
import java.util.function.Function;

/** The human-readable form of a decision ({@code bvb decide --format text}). */
public final class DecisionText {
  private DecisionText() {}

  /** The summary alone (at most 25 lines). */
  public static void write(Decision d, PrintWriter out) {
    write(d, out, false);
  }

  /** The summary, then with {@code details} every verdict, reason, step, conflict and the rule trace. */
  public static void write(Decision d, PrintWriter out, boolean details) {
    summary(d, out);
    if (!details) {
      out.flush();
      return;
    }
    out.println();
    out.println("Details");
    out.println("  decided by: " + d.recommendation().path() + " (" + d.recommendation().ruleId() + ", deciding rule "
        + d.recommendation().decidedBy() + ")");
    out.println("  " + d.recommendation().text());
    out.println("  token volume: " + d.volume().tokensPerMonth() + " tokens/month (" + d.volume().derivation() + ")");
    d.derivedFacts().forEach(f -> out.println("  derived: " + f));
    var ranked = RankedSteps.of(d);
    if (!ranked.isEmpty()) {
      out.println();
      out.println("Next steps, ranked (" + ranked.size() + ")");
      int i = 1;
      for (var s : ranked) {
        out.println("  " + i++ + ". " + s.code() + " [" + s.effect() + "] (" + String.join(", ", s.ruleIds()) + "): " + s.text());
        s.ifThen().forEach(l -> out.println("       " + l));
      }
    }
    if (d.whatIf() != null) {
      out.println();
      out.println("What would change this answer (" + d.whatIf().decisions() + " counterfactual decisions)");
      for (var f : d.whatIf().facts()) {
        out.println("  - " + f.field() + " [" + f.effect() + "]: " + f.outcomes().stream()
            .map(o -> o.value() + " -> " + o.strategy() + " " + o.confidence()).collect(java.util.stream.Collectors.joining(", ")));
      }
    }
    section(out, "Verdicts", d.verdicts(), v -> "[" + v.doc().file() + " step " + v.step() + "] "
        + v.strategy() + " (" + v.strength() + ") " + v.ruleId() + ": " + v.text());
    section(out, "Reasons", d.reasons(), r -> (r.favours() ? "for " : "against ") + r.strategy() + ": "
        + r.ruleId() + ": " + r.text());
    section(out, "Ruled out", d.exclusions(), e -> e.family() + " by " + e.ruleId() + ": " + e.text());
    section(out, "Warnings", d.warnings(), w -> w.code() + " (" + w.ruleId() + "): " + w.text());
    section(out, "Next steps, as the rules asked them", d.nextSteps(), n -> n.code() + " (" + n.ruleId() + "): " + n.text());
    section(out, "Conflicts between documents", d.conflicts(), c -> c.ruleId() + ": " + c.text());
    var whyNot = d.whyNot();
    if (!whyNot.isEmpty()) {
      out.println();
      out.println("Why not the others");
      whyNot.forEach(w -> {
        out.println("  - " + w.strategy() + " (" + String.join(", ", w.ruleIds()) + ")");
        w.because().forEach(b -> out.println("      " + b));
      });
    }
    if (d.tco() != null) {
      out.println();
      TcoText.write(d.tco(), out);
    }
    out.println();
    out.println("Fired rules, in order (" + d.firings().size() + ")");
    for (Firing f : d.firings()) {
      out.printf("  %2d. %-12s [%s] %s%n", f.seq(), f.ruleId(), f.phase(), f.ruleName());
      out.println("      matched: " + f.matched().stream().map(o -> o.getClass().getSimpleName()).toList());
      out.println("      source:  " + f.source());
    }
    out.println();
    out.println("Rule set sha256: " + d.ruleSetHash());
    out.flush();
  }

  /** The summary: at most 25 lines, read top down. */
  static void summary(Decision d, PrintWriter out) {
    Summary s = Summary.of(d);
    out.println("bvb decision" + (d.name() == null ? "" : ": " + d.name()));
    out.println();
    out.println("Recommendation: " + s.recommendation());
    out.println("Confidence: " + s.confidence());
    out.println("  " + s.documents());
    out.println();
    out.println("Strongest reasons");
    s.reasons().forEach(r -> out.println("  - " + r));
    if (s.cost() != null) {
      out.println("Cost: " + s.cost());
    }
    if (!s.derived().isEmpty()) {
      out.println("Derived: " + String.join("; ", s.derived()));
    }
    if (!s.steps().isEmpty()) {
      out.println();
      out.println("Next steps");
      int i = 1;
      for (var step : s.steps()) {
        String first = step.ifThen().isEmpty() ? Summary.cut(step.text()) : step.ifThen().get(0)
            + (step.ifThen().size() > 1 ? " (+" + (step.ifThen().size() - 1) + " more)" : "");
        out.println("  " + i++ + ". " + step.code() + ": " + first);
      }
    }
    if (s.tippingPoint() != null) {
      out.println("Tipping point: " + s.tippingPoint());
    }
    out.println();
    out.println((s.moreSteps() > 0 ? s.moreSteps() + " more next steps; " : "")
        + "every verdict, reason and the rule trace: --details");
  }

  private static <T extends Conclusion> void section(
      PrintWriter out, String title, List<T> items, Function<T, String> line) {
    if (items.isEmpty()) {
      return;
    }
    out.println();
    out.println(title);
    items.forEach(i -> out.println("  - " + line.apply(i)));
  }

}
