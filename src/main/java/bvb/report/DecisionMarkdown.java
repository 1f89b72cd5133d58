package bvb.report;

import bvb.engine.Conclusion;
import bvb.engine.Decision;
import bvb.engine.Doc;
import bvb.engine.Firing;
import bvb.tco.CostCurve;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A decision as Markdown ({@code bvb decide --format md}): the HTML report's content, tables instead of charts. */
public final class DecisionMarkdown {
  private DecisionMarkdown() {}

  public static void write(Decision d, CostCurve curve, String bvbVersion, PrintWriter out) {
    out.println("# bvb decision" + (d.name() == null ? "" : ": " + Markdown.text(d.name())));
    out.println();
    Summary sum = Summary.of(d);
    out.println("## Summary");
    out.println();
    out.println("**" + Markdown.text(sum.recommendation()) + "**");
    out.println();
    out.println("Confidence **" + Markdown.text(sum.confidence()) + "**. " + Markdown.text(sum.documents()));
    Markdown.bullets(out, "Strongest reasons", sum.reasons().stream().map(Markdown::text).toList());
    if (sum.cost() != null) {
      out.println();
      out.println("Cost: " + Markdown.text(sum.cost()));
    }
    if (!sum.derived().isEmpty()) {
      out.println();
      out.println("Derived: " + Markdown.text(String.join("; ", sum.derived())));
    }
    Markdown.bullets(out, "Next steps", sum.steps().stream().map(st -> "**" + Markdown.text(st.code()) + "** "
        + Markdown.text(st.ifThen().isEmpty() ? Summary.cut(st.text()) : String.join("; ", st.ifThen()))).toList());
    if (sum.tippingPoint() != null) {
      out.println();
      out.println("Tipping point: " + Markdown.text(sum.tippingPoint()));
    }
    out.println();
    out.println("## Recommendation");
    out.println();
    out.println("**" + d.strategy() + "** (" + d.strategy().family() + " family, confidence **" + d.confidence() + "**)");
    out.println();
    out.println(Markdown.text(d.recommendation().text()) + rule(d.recommendation()));
    out.println();
    out.println("Decided by " + Markdown.text(d.recommendation().path()) + ". Token volume "
        + d.volume().tokensPerMonth() + " tokens/month (" + Markdown.text(d.volume().derivation()) + ").");
    Markdown.bullets(out, "Verdicts of the source documents", items(d.verdicts(), v -> "**" + v.strategy() + "** ("
        + v.strength() + ", " + v.doc().file() + " step " + v.step() + ") " + Markdown.text(v.text()) + rule(v)));
    Markdown.bullets(out, "Reasons", items(d.reasons(), r -> (r.favours() ? "for " : "against ") + "**" + r.strategy()
        + "**: " + Markdown.text(r.text()) + rule(r)));
    Markdown.bullets(out, "Ruled out", items(d.exclusions(), e -> "**" + e.family() + "**: " + Markdown.text(e.text()) + rule(e)));
    Markdown.bullets(out, "Conflicts between documents", items(d.conflicts(), c -> "**" + Markdown.text(c.id()) + "** "
        + Markdown.text(c.text()) + " Resolution: " + Markdown.text(c.resolution()) + rule(c)));
    Markdown.bullets(out, "Why not the others", items(d.whyNot(), w -> "**" + w.strategy() + "** ("
        + String.join(", ", w.ruleIds()) + "): " + Markdown.text(String.join("; ", w.because()))));
    Markdown.bullets(out, "Warnings", items(d.warnings(), w -> "**" + Markdown.text(w.code()) + "** " + Markdown.text(w.text()) + rule(w)));
    Markdown.bullets(out, "Next steps", items(d.nextSteps(), n -> "**" + Markdown.text(n.code()) + "** " + Markdown.text(n.text()) + rule(n)));
    TcoMarkdown.section(d.tco(), curve, out);
    firedRules(d, out);
    out.println();
    out.println("bvb " + bvbVersion + ", rule set sha256 " + d.ruleSetHash());
    out.flush();
  }

  private static void firedRules(Decision d, PrintWriter out) {
    out.println();
    out.println("## Fired rules by source document (" + d.firings().size() + ")");
    Map<Doc, List<Firing>> byDoc = new EnumMap<>(Doc.class);
    for (Firing f : d.firings()) {
      byDoc.computeIfAbsent(Doc.ofSource(f.source()), k -> new ArrayList<>()).add(f);
    }
    byDoc.forEach((doc, firings) -> {
      out.println();
      out.println("### " + Markdown.text(doc.title()) + " (`" + doc.file() + "`)");
      out.println();
      Markdown.header(out, List.of("#", "rule", "phase", "name", "source"), List.of(true, false, false, false, false));
      for (Firing f : firings) {
        Markdown.row(out, List.of(String.valueOf(f.seq()), "`" + Markdown.cell(f.ruleId()) + "`", Markdown.cell(f.phase()),
            Markdown.cell(f.ruleName()), Markdown.cell(f.source())));
      }
    });
  }

  private static String rule(Conclusion c) {
    return " [" + Markdown.text(c.ruleId()) + "]";
  }

  private static <T> List<String> items(List<T> xs, Function<T, String> line) {
    return xs.stream().map(line).toList();
  }
}
