package bvb.report;

import bvb.facts.Strategy;
import bvb.uncertainty.Quantiles;
import bvb.uncertainty.RangedInput;
import bvb.uncertainty.Simulation;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code bvb simulate --format html}: a self-contained page with the figures and the distribution chart. */
public final class SimulationHtml {
  private SimulationHtml() {}

  public static void page(Simulation s, String bvbVersion, PrintWriter out) {
    HtmlPage.open(out, "Simulation: " + SimulationReport.title(s));
    out.println("<h1>Simulation: " + Html.esc(SimulationReport.title(s)) + "</h1>");
    out.println("<p class=\"meta\">" + Html.esc(String.format(Locale.ROOT, "%,d draws, seed %d, %d-month horizon; %s.",
        s.samples(), s.seed(), s.horizonMonths(), SimulationReport.DISTRIBUTIONS)) + "</p>");
    if (s.oneLine() != null) {
      out.println("<div class=\"rec\"><span class=\"strategy\">" + Html.esc(s.oneLine()) + "</span>"
          + (s.pointRecommendation() == null ? "" : "<p class=\"note\">The point estimate recommends "
              + Html.esc(Names.withCode(s.pointRecommendation())) + ".</p>") + "</div>");
    }
    out.println("<h2>Ranged inputs</h2>");
    out.println("<table><thead><tr><th>input</th><th class=\"num\">low</th><th class=\"num\">mode</th><th class=\"num\">high</th><th>source</th></tr></thead><tbody>");
    for (RangedInput in : s.inputs()) {
      out.println("<tr><td class=\"id\" style=\"word-break:break-all;white-space:normal\">" + Html.esc(in.name()) + "</td><td class=\"num\">"
          + SimulationReport.num(in.range().low()) + "</td><td class=\"num\">"
          + (in.range().mode() == null ? "-" : SimulationReport.num(in.range().mode())) + "</td><td class=\"num\">"
          + SimulationReport.num(in.range().high()) + "</td><td>" + Html.esc(in.source()) + "</td></tr>");
    }
    out.println("</tbody></table>");
    out.println("<h2>Horizon totals across the draws</h2>");
    out.print(CdfChart.svg(s));
    out.println("<table><thead><tr><th>strategy</th><th class=\"num\">P10</th><th class=\"num\">P50</th><th class=\"num\">P90</th>"
        + "<th class=\"num\">point</th><th class=\"num\">saving vs API P10 / P50 / P90</th></tr></thead><tbody>");
    s.totals().forEach((st, q) -> {
      Quantiles sv = s.savingsVsApi().get(st);
      out.println("<tr><td>" + Html.esc(st.name()) + "</td><td class=\"num\">" + Figures.usd(q.p10()) + "</td><td class=\"num\">"
          + Figures.usd(q.p50()) + "</td><td class=\"num\">" + Figures.usd(q.p90()) + "</td><td class=\"num\">"
          + Figures.usd(s.pointTotals().get(st)) + "</td><td class=\"num\">"
          + (sv == null ? "-" : SimulationReport.money(sv.p10()) + " / " + SimulationReport.money(sv.p50()) + " / " + SimulationReport.money(sv.p90()))
          + "</td></tr>");
    });
    out.println("</tbody></table>");
    out.println("<h2>How often each option wins</h2>");
    out.println("<table><thead><tr><th>strategy</th><th class=\"num\">" + Html.esc(SimulationReport.CHEAPEST) + "</th>"
        + "<th class=\"num\">recommended (" + s.decisions() + " decided draws)</th></tr></thead><tbody>");
    for (Strategy st : SimulationReport.strategies(s)) {
      Double c = s.cheapestPct().get(st);
      Double r = s.recommendationPct().get(st);
      out.println("<tr><td>" + Html.esc(Names.withCode(st)) + "</td><td class=\"num\">" + (c == null ? "0" : Simulation.pct(c))
          + " %</td><td class=\"num\">" + (r == null ? "0" : Simulation.pct(r)) + " %</td></tr>");
    }
    out.println("</tbody></table>");
    HtmlPage.close(out, "bvb " + bvbVersion);
  }
}
