package bvb.report;

import bvb.tco.CostCategory;
import bvb.tco.TcoReport;
import bvb.tco.TcoResult;
import java.util.List;
import java.util.Map;

/**
 * The TCO comparison as horizontal stacked bars, one per strategy: the horizon total split into
 * the five cost categories, drawn to one linear dollar scale, with the total (and for self-operated
 * strategies the total with the uncertainty buffer, a dashed mark) at the end of each bar.
 */
final class TcoBarChart {
  static final Map<CostCategory, String> COLOURS = Map.of(
      CostCategory.COMPUTE, "#4e79a7",
      CostCategory.ENGINEERING, "#f28e2b",
      CostCategory.DATA_EVAL, "#59a14f",
      CostCategory.COMPLIANCE, "#b07aa1",
      CostCategory.OPPORTUNITY, "#9c755f");

  private static final int WIDTH = 960;
  private static final double LEFT = 210;
  private static final double RIGHT = 840;
  private static final double TOP = 56;
  private static final double BAR = 38;
  private static final double GAP = 26;

  private TcoBarChart() {}

  static String svg(TcoReport r) {
    List<TcoResult> results = List.copyOf(r.results().values());
    double max = 0;
    for (TcoResult t : results) {
      max = Math.max(max, Math.max(t.horizonTotalUsd(), t.bufferedOrPlainTotalUsd()));
    }
    double axisMax = Axis.top(max * 1.12, 8);
    double plotBottom = TOP + results.size() * (BAR + GAP) - GAP + 12;
    int height = (int) plotBottom + 56;
    Svg s = new Svg(WIDTH, height, "Stacked bar chart: total cost over " + r.horizonMonths()
        + " months per strategy, split by cost category");
    legend(s);
    double step = Axis.step(max * 1.12, 8);
    for (double v = 0; v <= axisMax + step / 2; v += step) {
      double x = x(v, axisMax);
      s.line(x, TOP - 8, x, plotBottom, "#d9d9d9", 1, null);
      s.text(x, plotBottom + 18, Axis.money(v), "middle", "tick");
    }
    s.text((LEFT + RIGHT) / 2, plotBottom + 44, "total over " + r.horizonMonths() + " months (USD)", "middle", "axis-title");
    double y = TOP;
    for (TcoResult t : results) {
      bar(s, t, y, axisMax);
      y += BAR + GAP;
    }
    s.line(LEFT, TOP - 8, LEFT, plotBottom, "#333", 1.5, null);
    return s.end();
  }

  private static void legend(Svg s) {
    double x = 20;
    for (CostCategory c : CostCategory.values()) {
      s.rect(x, 14, 14, 14, COLOURS.get(c), null);
      s.text(x + 20, 26, c.name(), "start", "legend");
      x += 36 + c.name().length() * 9;
    }
    s.line(x, 21, x + 22, 21, "#222", 2, "5 3");
    s.text(x + 28, 26, "with uncertainty buffer", "start", "legend");
  }

  private static void bar(Svg s, TcoResult t, double y, double axisMax) {
    s.text(LEFT - 10, y + BAR / 2 + 5, t.strategy().name(), "end", "bar-label");
    double x = LEFT;
    for (CostCategory c : CostCategory.values()) {
      double v = t.horizonByCategoryUsd().getOrDefault(c, 0.0);
      if (v <= 0) {
        continue;
      }
      double w = x(v, axisMax) - LEFT;
      s.rect(x, y, w, BAR, COLOURS.get(c), t.strategy() + " " + c + ": " + TcoText.usd(v));
      if (w >= 60) {
        s.text(x + w / 2, y + BAR / 2 + 5, Axis.money(v), "middle", "seg-label");
      }
      x += w;
    }
    double end = x;
    if (t.bufferedTotalUsd() == null) {
      s.text(end + 8, y + BAR / 2 + 5, TcoText.usd(t.horizonTotalUsd()), "start", "total-label");
      return;
    }
    double bx = x(t.bufferedTotalUsd(), axisMax);
    s.line(bx, y - 5, bx, y + BAR + 5, "#222", 2, "5 3");
    end = Math.max(end, bx);
    s.text(end + 8, y + BAR / 2 - 2, TcoText.usd(t.horizonTotalUsd()), "start", "total-label");
    s.text(end + 8, y + BAR / 2 + 14, "buffered " + TcoText.usd(t.bufferedTotalUsd()), "start", "buf-label");
  }

  private static double x(double v, double axisMax) {
    return LEFT + (RIGHT - LEFT) * v / axisMax;
  }
}
