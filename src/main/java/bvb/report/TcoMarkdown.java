package bvb.report;

import bvb.tco.CostCategory;
import bvb.tco.CostCurve;
import bvb.tco.TcoComparison;
import bvb.tco.TcoReport;
import bvb.tco.TcoResult;
import bvb.tco.TcoStrategy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cost comparison in Markdown: category table, comparisons, break-even and the cost curve as a table. */
public final class TcoMarkdown {
  /** Rows of the cost-curve table. */
  static final int CURVE_ROWS = 7;

  private TcoMarkdown() {}

  /** A whole document with only the cost comparison ({@code bvb tco --format md}). */
  public static void document(String name, TcoReport r, CostCurve curve, PrintWriter out) {
    out.println("# bvb TCO" + (name == null ? "" : ": " + Markdown.text(name)));
    section(r, curve, out);
    out.flush();
  }

  static void section(TcoReport r, CostCurve curve, PrintWriter out) {
    out.println();
    out.println("## Costs" + (r == null ? "" : " over " + r.horizonMonths() + " months"));
    out.println();
    if (r == null) {
      out.println("No cost lines were given (the fact file has no `tco` section), so there is no cost comparison.");
      return;
    }
    List<String> head = new ArrayList<>(List.of("strategy"));
    List<Boolean> right = new ArrayList<>(List.of(false));
    for (CostCategory c : CostCategory.values()) {
      head.add(c.name());
      right.add(true);
    }
    head.addAll(List.of("total", "buffered", "per month"));
    right.addAll(List.of(true, true, true));
    Markdown.header(out, head, right);
    for (TcoResult t : r.results().values()) {
      List<String> row = new ArrayList<>(List.of(t.strategy().name()));
      for (CostCategory c : CostCategory.values()) {
        row.add(TcoText.usd(t.horizonByCategoryUsd().getOrDefault(c, 0.0)));
      }
      row.add("**" + TcoText.usd(t.horizonTotalUsd()) + "**");
      row.add(t.bufferedTotalUsd() == null ? "-" : TcoText.usd(t.bufferedTotalUsd()));
      row.add(TcoText.usd(t.averageMonthlyUsd()));
      Markdown.row(out, row);
    }
    out.println();
    for (TcoComparison c : r.comparisons()) {
      out.println("- " + Markdown.text(TcoHtml.comparison(c)));
    }
    curve(r, curve, out);
    out.println();
    out.println("Catalog " + Markdown.text(r.catalogFile()) + ", sha256 " + r.catalogSha256() + ".");
  }

  private static void curve(TcoReport r, CostCurve curve, PrintWriter out) {
    if (curve == null || curve.points().size() < 2) {
      return;
    }
    out.println();
    out.println("### Monthly cost by monthly token volume (" + r.horizonMonths() + "-month total / " + r.horizonMonths() + ")");
    out.println();
    List<TcoStrategy> strategies = new ArrayList<>(r.results().keySet());
    List<String> head = new ArrayList<>(List.of("tokens/month", "requests/day"));
    strategies.forEach(s -> head.add(s.name()));
    List<Boolean> right = new ArrayList<>();
    head.forEach(h -> right.add(true));
    Markdown.header(out, head, right);
    List<CostCurve.Point> pts = curve.points();
    for (int i = 0; i < CURVE_ROWS; i++) {
      CostCurve.Point p = nearest(pts, pts.get(pts.size() - 1).tokensPerMonth() * i / (CURVE_ROWS - 1));
      List<String> row = new ArrayList<>();
      row.add(String.format(Locale.ROOT, "%,.0f", p.tokensPerMonth()));
      row.add(p.requestsPerDay() == null ? "-" : String.format(Locale.ROOT, "%,.0f", p.requestsPerDay()));
      strategies.forEach(s -> row.add(p.monthlyUsd().containsKey(s) ? TcoText.usd(p.monthlyUsd().get(s)) : "-"));
      Markdown.row(out, row);
    }
    out.println();
    out.println(String.format(Locale.ROOT, "This workload: %,.0f tokens/month.", curve.ownTokensPerMonth()));
  }

  private static CostCurve.Point nearest(List<CostCurve.Point> pts, double tokens) {
    CostCurve.Point best = pts.get(0);
    for (CostCurve.Point p : pts) {
      if (Math.abs(p.tokensPerMonth() - tokens) < Math.abs(best.tokensPerMonth() - tokens)) {
        best = p;
      }
    }
    return best;
  }
}
