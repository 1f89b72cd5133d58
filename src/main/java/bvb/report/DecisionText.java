package bvb.report;

import bvb.engine.Conclusion;
import bvb.engine.Decision;
import bvb.engine.Firing;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** The human-readable form of a decision ({@code bvb decide --format text}). */
public final class DecisionText {
  private DecisionText() {}

  public static void write(Decision d, PrintWriter out) {
    out.println("bvb decision" + (d.name() == null ? "" : ": " + d.name()));
    out.println();
    out.println("Recommendation: " + d.strategy() + "  (" + d.strategy().family() + ", confidence "
        + d.confidence() + ")");
    out.println("  decided by: " + d.recommendation().path());
    out.println("  " + d.recommendation().text());
    out.println("  token volume: " + d.volume().tokensPerMonth() + " tokens/month (" + d.volume().derivation() + ")");
    section(out, "Verdicts", d.verdicts(), v -> "[" + v.doc().file() + " step " + v.step() + "] "
        + v.strategy() + " (" + v.strength() + ") " + v.ruleId() + ": " + v.text());
    section(out, "Reasons", d.reasons(), r -> (r.favours() ? "for " : "against ") + r.strategy() + ": "
        + r.ruleId() + ": " + r.text());
    section(out, "Ruled out", d.exclusions(), e -> e.family() + " by " + e.ruleId() + ": " + e.text());
    section(out, "Warnings", d.warnings(), w -> w.code() + " (" + w.ruleId() + "): " + w.text());
    section(out, "Next steps", d.nextSteps(), n -> n.code() + " (" + n.ruleId() + "): " + n.text());
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
