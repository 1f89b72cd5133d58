package bvb.report;

import bvb.tco.TcoStrategy;
import bvb.uncertainty.Sensitivity;
import bvb.uncertainty.Sensitivity.Bar;
import java.io.PrintWriter;

/** {@code bvb sensitivity --format html}: a self-contained page with the tornado chart and the table. */
public final class SensitivityHtml {
  private SensitivityHtml() {}

  public static void page(Sensitivity s, String bvbVersion, PrintWriter out) {
    HtmlPage.open(out, "Sensitivity: " + SensitivityReport.title(s));
    out.println("<h1>Sensitivity: " + Html.esc(SensitivityReport.title(s)) + "</h1>");
    out.println("<p class=\"meta\">Each ranged cost input at its low and its high end, every other input at its point; "
        + s.horizonMonths() + "-month totals; " + s.decisions() + " decisions made.</p>");
    out.println("<div class=\"rec\"><span class=\"code\">point estimate: </span><span class=\"strategy\">"
        + Html.esc(Names.withCode(s.pointRecommendation())) + "</span></div>");
    if (s.bars().isEmpty()) {
      out.println("<p class=\"note\">No ranged inputs: give a cost input as {\"low\": .., \"high\": ..} to see its swing.</p>");
      HtmlPage.close(out, "bvb " + bvbVersion);
      return;
    }
    out.println("<h2>Tornado: widest swing first</h2>");
    out.print(TornadoChart.svg(s));
    out.println("<h2>Swings and flip points</h2>");
    out.println("<table><thead><tr><th>input</th><th>range</th><th>source</th><th>strategy</th>"
        + "<th class=\"num\">at low</th><th class=\"num\">at high</th><th class=\"num\">swing</th><th>recommendation</th></tr></thead><tbody>");
    for (Bar b : s.bars()) {
      boolean first = true;
      for (TcoStrategy st : b.atLow().keySet()) {
        out.println("<tr><td class=\"id\" style=\"word-break:break-all;white-space:normal\">" + (first ? Html.esc(b.input().name()) : "") + "</td><td>"
            + (first ? Html.esc(SimulationReport.range(b.input().range())) : "") + "</td><td>"
            + (first ? Html.esc(b.input().source()) : "") + "</td><td>" + Html.esc(st.name())
            + "</td><td class=\"num\">" + Figures.usd(b.atLow().get(st)) + "</td><td class=\"num\">"
            + Figures.usd(b.atHigh().get(st)) + "</td><td class=\"num\">" + Figures.usd(b.swing(st)) + "</td><td>"
            + (first ? Html.esc(SensitivityReport.flipText(s, b)) : "") + "</td></tr>");
        first = false;
      }
    }
    out.println("</tbody></table>");
    HtmlPage.close(out, "bvb " + bvbVersion);
  }
}
