package bvb.report;

import bvb.facts.Strategy;
import bvb.portfolio.Portfolio;
import bvb.portfolio.Portfolio.Blocker;
import bvb.portfolio.Portfolio.Row;
import bvb.portfolio.Portfolio.Total;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code bvb portfolio --format html}: spend by recommended strategy as a bar chart, then the table. */
public final class PortfolioHtml {
  private static final int WIDTH = 960;

  private PortfolioHtml() {}

  public static void page(Portfolio p, String bvbVersion, PrintWriter out) {
    HtmlPage.open(out, "Portfolio");
    out.println("<h1>Portfolio</h1>");
    out.println("<p class=\"meta\">" + p.rows().size() + " workloads decided, " + p.failures().size()
        + " failed. Monthly cost = horizon total / months.</p>");
    out.println("<h2>Monthly spend by recommended strategy</h2>");
    out.print(chart(p.totals()));
    out.println("<h2>" + Html.esc(PortfolioReport.BLOCKERS_TITLE) + "</h2>");
    out.println("<table><thead><tr><th>next step</th><th class=\"num\">decisions it can flip (--what-if)</th><th class=\"num\">LOW decisions asking</th><th class=\"num\">all asking</th><th>what</th></tr></thead><tbody>");
    for (Blocker b : PortfolioReport.top(p)) {
      out.println("<tr><td class=\"id\">" + Html.esc(b.code()) + "</td><td class=\"num\">" + b.decisive() + "</td><td class=\"num\">" + b.lowConfidenceDecisions()
          + "</td><td class=\"num\">" + b.decisions() + "</td><td>" + Html.esc(b.text()) + "</td></tr>");
    }
    out.println("</tbody></table>");
    out.println("<h2>Workloads</h2>");
    out.println("<table><thead><tr><th>workload</th><th>recommendation</th><th>confidence</th><th class=\"num\">recommended / month</th>"
        + "<th class=\"num\">API / month</th><th class=\"num\">saving / month</th></tr></thead><tbody>");
    for (Row r : p.rows()) {
      out.println("<tr><td>" + Html.esc(PortfolioReport.shortName(r.workload())) + "</td><td>" + Html.esc(r.strategy().name())
          + "</td><td><span class=\"badge " + r.confidence() + "\">" + r.confidence() + "</span></td><td class=\"num\">"
          + PortfolioReport.money(r.recommendedMonthlyUsd()) + "</td><td class=\"num\">" + PortfolioReport.money(r.apiMonthlyUsd())
          + "</td><td class=\"num\">" + PortfolioReport.money(r.savingMonthlyUsd()) + "</td></tr>");
    }
    out.println("</tbody></table>");
    if (!p.failures().isEmpty()) {
      out.println("<h2>Failed</h2>");
      HtmlPage.list(out, "warn", p.failures().stream().map(f -> Html.esc(f.workload() + ": " + f.error())).toList());
    }
    HtmlPage.close(out, "bvb " + bvbVersion);
  }

  /** One horizontal bar per recommended strategy: its workloads' summed monthly cost (priced ones). */
  static String chart(Map<Strategy, Total> totals) {
    List<Map.Entry<Strategy, Total>> rows = totals.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue().monthlyUsd(), a.getValue().monthlyUsd())).toList();
    Labels.Font nameFont = Labels.font("bar-label");
    double left = 160;
    for (var e : rows) {
      left = Math.max(left, 24 + Labels.width(e.getKey().name(), nameFont));
    }
    double max = rows.stream().mapToDouble(e -> e.getValue().monthlyUsd()).max().orElse(0);
    double axisMax = Axis.top(Math.max(max, 1) * 1.25, 6);
    double right = WIDTH - 40;
    for (var e : rows) {
      double label = Labels.width(label(e.getValue()), Labels.font("buf-label"));
      if (e.getValue().monthlyUsd() > 0) {
        right = Math.min(right, left + (WIDTH - 12 - 8 - label - left) * axisMax / e.getValue().monthlyUsd());
      }
    }
    double top = 20;
    double bar = 22;
    double gap = 30;
    double bottom = top + rows.size() * (bar + gap);
    int height = (int) bottom + 56;
    Svg s = new Svg(WIDTH, height, "Bar chart: summed monthly cost of the workloads per recommended strategy");
    Labels ticks = new Labels(new Labels.Box(0, 0, WIDTH, height));
    double step = Axis.step(Math.max(max, 1) * 1.25, 6);
    for (double v = 0; v <= axisMax + step / 2; v += step) {
      double x = left + (right - left) * v / axisMax;
      s.line(x, top - 6, x, bottom, "#e0e0e0", 1, null);
      BreakEvenChart.tick(s, ticks, new Labels.Spot(x, bottom + 18, "middle"), Axis.money(v));
    }
    s.text((left + right) / 2, bottom + 44, "summed monthly cost of the priced workloads (USD)", "middle", "axis-title");
    double y = top;
    for (var e : rows) {
      Total t = e.getValue();
      double w = (right - left) * t.monthlyUsd() / axisMax;
      String colour = colour(e.getKey());
      s.rect(left, y, w, bar, colour, e.getKey() + ": " + Figures.usd(t.monthlyUsd()) + " a month");
      s.text(left - 10, y + 15, e.getKey().name(), "end", "bar-label");
      s.text(left + w + 8, y + 15, label(t), "start", "buf-label");
      y += bar + gap;
    }
    s.line(left, top - 6, left, bottom, "#333", 1.5, null);
    return s.end();
  }

  private static String label(Total t) {
    return Axis.money(t.monthlyUsd()) + "/mo, " + t.workloads() + " workloads (" + t.priced() + " priced)";
  }

  private static String colour(Strategy s) {
    try {
      return BreakEvenChart.COLOURS.get(bvb.tco.TcoStrategy.valueOf(s.name()));
    } catch (IllegalArgumentException e) {
      return "#7f7f7f";
    }
  }
}
