package bvb.report;

import bvb.engine.Conclusion;
import bvb.engine.Decision;
import bvb.engine.Doc;
import bvb.engine.Firing;
import bvb.tco.CostCurve;
import bvb.tco.TcoComparison;
import bvb.tco.TcoReport;
import bvb.tco.TcoResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A decision as one self-contained HTML page ({@code bvb decide --format html}): the
 * recommendation and why, warnings and next steps, the cost comparison with its charts, and the
 * fired rules grouped by source document. Every piece of text from facts or rules is escaped.
 */
public final class DecisionHtml {
  private DecisionHtml() {}

  /** Writes the page; {@code curve} may be null (no tco section, or volume unknown). */
  public static void write(Decision d, CostCurve curve, String bvbVersion, PrintWriter out) {
    String title = "bvb decision" + (d.name() == null ? "" : ": " + d.name());
    HtmlPage.open(out, title);
    out.println("<h1>" + Html.esc(title) + "</h1>");
    out.println("<p class=\"meta\">bvb " + Html.esc(bvbVersion) + " · rule set sha256 " + Html.esc(d.ruleSetHash()) + "</p>");
    Summary sum = Summary.of(d);
    recommendation(d, sum, out);
    summary(d, sum, out);
    why(d, out);
    if (!d.warnings().isEmpty()) {
      out.println("<h2>Warnings</h2>");
      HtmlPage.list(out, "warn", items(d.warnings(), w -> "<b>" + Html.esc(w.code()) + "</b> " + text(w.text()) + rule(w)));
    }
    var ranked = bvb.whatif.RankedSteps.of(d);
    if (!ranked.isEmpty()) {
      out.println("<h2>All next steps, ranked</h2>");
      HtmlPage.list(out, "next", ranked.stream().map(st -> "<b>" + Html.esc(st.code()) + "</b> <span class=\"id\">"
          + Html.esc(st.effect()) + " · " + Html.esc(String.join(", ", st.ruleIds())) + "</span> " + text(st.text())
          + (st.ifThen().isEmpty() ? "" : " <i>" + Html.esc(String.join("; ", st.ifThen())) + "</i>")).toList());
    }
    TcoHtml.section(d.tco(), curve, out);
    firedRules(d, out);
    HtmlPage.close(out, "bvb " + bvbVersion + " · rule set sha256 " + d.ruleSetHash());
  }

  /** The summary's reasons, decisive next steps and tipping point, right under the recommendation box. */
  private static void summary(Decision d, Summary sum, PrintWriter out) {
    out.println("<h2>Strongest reasons</h2>");
    HtmlPage.list(out, null, sum.reasons().stream().map(DecisionHtml::text).toList());
    if (!sum.steps().isEmpty()) {
      out.println("<h2>Next steps</h2>");
      HtmlPage.list(out, "next", sum.steps().stream().map(st -> "<b>" + Html.esc(st.code()) + "</b> "
          + (st.ifThen().isEmpty() ? text(Summary.cut(st.text())) : Html.esc(String.join("; ", st.ifThen())))).toList());
    }
    if (sum.tippingPoint() != null) {
      out.println("<p class=\"note\">Tipping point: " + text(sum.tippingPoint()) + "</p>");
    }
  }

  private static void recommendation(Decision d, Summary sum, PrintWriter out) {
    out.println("<h2>Recommendation</h2>");
    out.println("<div class=\"rec\"><div><span class=\"strategy\">" + Html.esc(d.recommendation().decided()
        ? Names.plainName(d.strategy()) : "No recommendation: hard constraints exclude each other") + "</span>"
        + " <span class=\"code\">(" + Html.esc(d.strategy()) + ")</span>"
        + "<span class=\"badge " + Html.esc(d.confidence()) + "\">confidence " + Html.esc(d.confidence()) + "</span>"
        + "<span class=\"id\"> " + Html.esc(d.strategy().family()) + " family</span></div>");
    out.println("<p>Confidence " + text(sum.confidence()) + ". " + text(sum.documents()) + "</p>");
    out.println("<p>" + text(d.recommendation().text()) + "</p>");
    sum.derived().forEach(f -> out.println("<p class=\"note\">Derived: " + text(f) + "</p>"));
    costSummary(d, out);
    out.println("<p class=\"note\">Decided by " + text(d.recommendation().path()) + rule(d.recommendation())
        + ". Token volume " + (d.volume().tokensPerMonth() == null ? "unknown"
            : String.format(java.util.Locale.ROOT, "%,d", d.volume().tokensPerMonth())) + " tokens/month (" + text(d.volume().derivation()) + ").</p></div>");
  }

  /**
   * When the workload was priced: each strategy's total over the horizon, and for each API vs
   * self-host comparison what self-hosting saves, or how much more it costs.
   */
  private static void costSummary(Decision d, PrintWriter out) {
    TcoReport r = d.tco();
    if (r == null || r.results().isEmpty()) {
      return;
    }
    out.println("<div class=\"cost\"><p class=\"cost-head\">Cost over " + r.horizonMonths() + " months</p><ul>");
    for (TcoResult t : r.results().values()) {
      out.println("<li>" + Html.esc(Names.withCode(t.strategy())) + ": <b>" + Figures.usd(t.horizonTotalUsd()) + "</b>"
          + (t.bufferedTotalUsd() == null ? "" : ", " + Figures.usd(t.bufferedTotalUsd()) + " with the uncertainty buffer")
          + "</li>");
    }
    out.println("</ul>");
    for (TcoComparison c : r.comparisons()) {
      out.println("<p>Self-hosting (" + Html.esc(c.selfHostStrategy()) + ") against " + Html.esc(c.apiStrategy()) + ": "
          + Html.esc(TcoHtml.saving(c.savingsPct())) + "; with the uncertainty buffer it "
          + Html.esc(TcoHtml.saving(c.savingsPctBuffered())) + ".</p>");
    }
    out.println("</div>");
  }

  private static void why(Decision d, PrintWriter out) {
    out.println("<h2>Why</h2>");
    if (!d.verdicts().isEmpty()) {
      out.println("<h3>Verdicts of the source documents</h3>");
      HtmlPage.list(out, null, items(d.verdicts(), v -> strategy(v.strategy()) + " (" + Html.esc(v.strength())
          + ", " + Html.esc(Names.shortTitle(v.doc())) + ", step " + v.step() + ") " + text(v.text()) + rule(v)));
    }
    if (!d.reasons().isEmpty()) {
      out.println("<h3>Reasons</h3>");
      HtmlPage.list(out, null, items(d.reasons(), r -> "<span class=\"" + (r.favours() ? "for\">for " : "against\">against ")
          + Html.esc(Names.withCode(r.strategy())) + "</span>: " + text(r.text()) + rule(r)));
    }
    if (!d.exclusions().isEmpty()) {
      out.println("<h3>Ruled out</h3>");
      HtmlPage.list(out, null, items(d.exclusions(), e -> "<b>" + Html.esc(e.family()) + "</b>: " + text(e.text()) + rule(e)));
    }
    if (!d.conflicts().isEmpty()) {
      out.println("<h3>Conflicts between documents</h3>");
      HtmlPage.list(out, null, items(d.conflicts(), c -> "<b>" + Html.esc(c.id()) + "</b> " + text(c.text())
          + " <i>Resolution:</i> " + text(c.resolution()) + rule(c)));
    }
    var whyNot = d.whyNot();
    if (!whyNot.isEmpty()) {
      out.println("<h3>Why not the others</h3>");
      HtmlPage.list(out, null, items(whyNot, w -> strategy(w.strategy()) + " ("
          + Html.esc(String.join(", ", w.ruleIds())) + "): " + text(String.join("; ", w.because()))));
    }
  }

  private static void firedRules(Decision d, PrintWriter out) {
    out.println("<h2>Fired rules by source document (" + d.firings().size() + ")</h2>");
    Map<Doc, List<Firing>> byDoc = new EnumMap<>(Doc.class);
    for (Firing f : d.firings()) {
      byDoc.computeIfAbsent(Doc.ofSource(f.source()), k -> new ArrayList<>()).add(f);
    }
    byDoc.forEach((doc, firings) -> {
      out.println("<h3 title=\"" + Html.esc(doc.title() + (doc == Doc.BVB ? "" : ", file " + doc.file())) + "\">"
          + Html.esc(Names.shortTitle(doc)) + "</h3>");
      out.println("<table><thead><tr><th>#</th><th>rule</th><th>phase</th><th>name</th><th>source passage</th><th>matched</th></tr></thead><tbody>");
      for (Firing f : firings) {
        String source = f.source() == null ? "" : f.source().contains(":") ? f.source().split(":", 2)[1].trim() : f.source();
        out.println("<tr><td class=\"num\">" + f.seq() + "</td><td class=\"id\">" + Html.esc(f.ruleId()) + "</td><td>"
            + Html.esc(f.phase()) + "</td><td>" + text(f.ruleName()) + "</td><td>" + Html.esc(source) + "</td><td>"
            + Html.esc(String.join(", ", f.matched().stream().map(o -> o.getClass().getSimpleName()).toList())) + "</td></tr>");
      }
      out.println("</tbody></table>");
    });
  }

  /** The rule that concluded {@code c}, with its source (document by short title) as the hover text. */
  private static String rule(Conclusion c) {
    String source = Names.source(c.source());
    return " <span class=\"id\"" + (source.isEmpty() ? "" : " title=\"" + Html.esc(source) + "\"") + ">["
        + Html.esc(c.ruleId()) + "]</span>";
  }

  /** A strategy in bold by its plain name, with its code. */
  private static String strategy(bvb.facts.Strategy s) {
    return "<b>" + Html.esc(Names.plainName(s)) + "</b> (" + Html.esc(s) + ")";
  }

  /** Text from a rule or fact, escaped, with its figures grouped by thousands. */
  private static String text(String s) {
    return Html.esc(Figures.group(s));
  }

  private static <T> List<String> items(List<T> xs, Function<T, String> html) {
    return xs.stream().map(html).toList();
  }
}
