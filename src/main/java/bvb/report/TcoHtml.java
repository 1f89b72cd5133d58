package bvb.report;

import bvb.tco.BreakEven;
import bvb.tco.CostCategory;
import bvb.tco.CostCurve;
import bvb.tco.TcoComparison;
import bvb.tco.TcoReport;
import bvb.tco.TcoResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The cost part of an HTML report: category table, comparisons, stacked bars and break-even curve. */
public final class TcoHtml {
  private TcoHtml() {}

  /** A whole page with only the cost comparison ({@code bvb tco --format html}). */
  public static void page(String name, TcoReport r, CostCurve curve, String bvbVersion, PrintWriter out) {
    String title = "bvb TCO" + (name == null ? "" : ": " + name);
    HtmlPage.open(out, title);
    out.println("<h1>" + Html.esc(title) + "</h1>");
    section(r, curve, out);
    HtmlPage.close(out, "bvb " + bvbVersion + " · catalog " + r.catalogFile() + " sha256 " + r.catalogSha256());
  }

  /** The "Costs" section; {@code r} null prints the line saying no cost lines were given. */
  static void section(TcoReport r, CostCurve curve, PrintWriter out) {
    out.println("<h2>Costs over " + (r == null ? "the horizon" : r.horizonMonths() + " months") + "</h2>");
    if (r == null) {
      out.println("<p class=\"note\">No cost lines were given (the fact file has no <code>tco</code> section), so there is no cost comparison and no charts.</p>");
      return;
    }
    table(r, out);
    out.println("<ul>");
    for (TcoComparison c : r.comparisons()) {
      out.println("<li>" + Html.esc(comparisonSentence(c)) + "</li>");
    }
    out.println("</ul>");
    out.println("<div class=\"figure\"><h3>Total cost by category</h3>");
    out.println(TcoBarChart.svg(r) + "</div>");
    out.println("<div class=\"figure\"><h3>Break-even: monthly cost against monthly token volume</h3>");
    if (curve == null || curve.points().size() < 2) {
      out.println("<p class=\"note\">The workload's token volume is not known, so there is no break-even curve.</p>");
    } else {
      out.println(BreakEvenChart.svg(curve, r));
      out.println("<p class=\"note\">Each strategy priced with the same cost lines at " + curve.points().size()
          + " volumes; monthly cost is the " + r.horizonMonths() + "-month total (one-time and opportunity costs included) divided by "
          + r.horizonMonths() + ". Filled circle: break-even; open circle: break-even with the uncertainty buffer; grey dashed vertical line: this workload.</p>");
    }
    out.println("</div>");
    out.println("<p class=\"note\">Catalog " + Html.esc(r.catalogFile()) + ", sha256 " + Html.esc(r.catalogSha256()) + ".</p>");
  }

  private static void table(TcoReport r, PrintWriter out) {
    out.print("<table><thead><tr><th>strategy</th>");
    for (CostCategory c : CostCategory.values()) {
      out.print("<th class=\"num\">" + Html.esc(c.name()) + "</th>");
    }
    out.println("<th class=\"num\">total</th><th class=\"num\">buffered</th><th class=\"num\">per month</th></tr></thead><tbody>");
    for (TcoResult t : r.results().values()) {
      out.print("<tr><td>" + Html.esc(Names.plainName(t.strategy())) + " <span class=\"id\">" + Html.esc(t.strategy().name()) + "</span></td>");
      for (CostCategory c : CostCategory.values()) {
        out.print("<td class=\"num\">" + TcoText.usd(t.horizonByCategoryUsd().getOrDefault(c, 0.0)) + "</td>");
      }
      out.println("<td class=\"num\"><b>" + TcoText.usd(t.horizonTotalUsd()) + "</b></td><td class=\"num\">"
          + (t.bufferedTotalUsd() == null ? "-" : TcoText.usd(t.bufferedTotalUsd())) + "</td><td class=\"num\">"
          + TcoText.usd(t.averageMonthlyUsd()) + "</td></tr>");
    }
    out.println("</tbody></table>");
  }

  /** One comparison as a sentence (shared with Markdown). */
  static String comparison(TcoComparison c) {
    return String.format(Locale.ROOT, "%s vs %s: self-host saves %.1f%% (%.1f%% with the uncertainty buffer); verdict %s%s. Break-even: %s; with the buffer: %s.",
        c.apiStrategy(), c.selfHostStrategy(), c.savingsPct(), c.savingsPctBuffered(), c.verdict(),
        c.guardFavoursApi() ? " (savings at or below the " + Math.round(c.guardThresholdPct()) + "% guard)" : "",
        breakEven(c.breakEven()), breakEven(c.breakEvenBuffered()));
  }

  /**
   * One comparison as a sentence for the HTML report: like {@link #comparison} but a self-host
   * option that costs more is said to cost more, never to save a negative amount.
   */
  static String comparisonSentence(TcoComparison c) {
    return String.format(Locale.ROOT, "%s vs %s: self-host %s (%s with the uncertainty buffer); verdict %s%s. Break-even: %s; with the buffer: %s.",
        c.apiStrategy(), c.selfHostStrategy(), saving(c.savingsPct()), saving(c.savingsPctBuffered()), c.verdict(),
        c.guardFavoursApi() ? " (savings at or below the " + Math.round(c.guardThresholdPct()) + " % guard)" : "",
        breakEven(c.breakEven()), breakEven(c.breakEvenBuffered()));
  }

  /** "saves 20.0 %", "costs 4.0 % more" or "costs the same" for a self-host saving in percent. */
  static String saving(double pct) {
    String abs = String.format(Locale.ROOT, "%.1f", Math.abs(pct));
    if (abs.equals("0.0")) {
      return "costs the same";
    }
    return pct > 0 ? "saves " + abs + " %" : "costs " + abs + " % more";
  }

  static String breakEven(BreakEven b) {
    if (b == null) {
      return "-";
    }
    return switch (b.outcome()) {
      case CROSSOVER -> String.format(Locale.ROOT, "%,.0f tokens/month%s", b.tokensPerMonth(),
          b.requestsPerDay() == null ? "" : String.format(Locale.ROOT, " (%,.0f requests/day)", b.requestsPerDay()));
      case NO_CROSSOVER_IN_RANGE -> String.format(Locale.ROOT, "none up to %,.0f tokens/month (%s cheaper throughout)",
          b.searchedUpToTokensPerMonth(), b.cheaperBelow());
      case VOLUME_INDEPENDENT -> "none, neither total changes with volume (" + b.cheaperBelow() + " cheaper)";
      case NO_VOLUME -> "unknown, no token volume given";
    };
  }
}
