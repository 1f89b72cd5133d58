package bvb.report;

import bvb.tco.BreakEven;
import bvb.tco.CostCurve;
import bvb.tco.TcoComparison;
import bvb.tco.TcoReport;
import bvb.tco.TcoStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The break-even chart: monthly cost (horizon total / months) of each strategy against monthly
 * token volume, buffered self-host totals dashed, each API-vs-self-host crossover circled and the
 * workload's own volume marked by a vertical line.
 */
final class BreakEvenChart {
  static final Map<TcoStrategy, String> COLOURS = Map.of(
      TcoStrategy.API_FRONTIER, "#1f77b4",
      TcoStrategy.API_ROUTED, "#17becf",
      TcoStrategy.API_MANAGED_FINE_TUNE, "#9467bd",
      TcoStrategy.SELF_HOST_OPEN, "#d62728",
      TcoStrategy.SELF_HOST_FINE_TUNED, "#ff7f0e",
      TcoStrategy.HYBRID_ROUTED, "#8c564b",
      TcoStrategy.CUSTOM_TRAIN, "#2ca02c");

  private static final int WIDTH = 960;
  private static final int HEIGHT = 470;
  private static final double LEFT = 96;
  private static final double RIGHT = 930;
  private static final double TOP = 70;
  private static final double BOTTOM = 390;

  private BreakEvenChart() {}

  static String svg(CostCurve curve, TcoReport r) {
    Svg s = new Svg(WIDTH, HEIGHT, "Line chart: monthly cost per strategy against monthly token volume, break-even marked");
    List<CostCurve.Point> pts = curve.points();
    Set<TcoStrategy> strategies = new TreeSet<>();
    double maxX = 0;
    double maxY = 0;
    for (CostCurve.Point p : pts) {
      strategies.addAll(p.monthlyUsd().keySet());
      maxX = Math.max(maxX, p.tokensPerMonth());
      for (double v : p.monthlyUsd().values()) {
        maxY = Math.max(maxY, v);
      }
      for (double v : p.bufferedMonthlyUsd().values()) {
        maxY = Math.max(maxY, v);
      }
    }
    double xTop = Axis.top(maxX, 8);
    double yTop = Axis.top(maxY * 1.08, 6);
    Scale sc = new Scale(xTop, yTop);
    axes(s, sc, r.horizonMonths());
    legend(s, strategies);
    for (TcoStrategy st : strategies) {
      s.polyline(series(pts, st, false, sc), COLOURS.get(st), 2.5, null);
      if (st.isBuffered()) {
        s.polyline(series(pts, st, true, sc), COLOURS.get(st), 2, "7 5");
      }
    }
    own(s, curve, sc);
    crossovers(s, curve, r, sc);
    return s.end();
  }

  private record Scale(double xTop, double yTop) {
    double x(double tokens) {
      return LEFT + (RIGHT - LEFT) * tokens / xTop;
    }

    double y(double usd) {
      return BOTTOM - (BOTTOM - TOP) * usd / yTop;
    }
  }

  private static void axes(Svg s, Scale sc, int horizon) {
    double ys = Axis.step(sc.yTop(), 6);
    for (double v = 0; v <= sc.yTop() + ys / 2; v += ys) {
      s.line(LEFT, sc.y(v), RIGHT, sc.y(v), "#e3e3e3", 1, null);
      s.text(LEFT - 8, sc.y(v) + 4, Axis.money(v), "end", "tick");
    }
    double xs = Axis.step(sc.xTop(), 8);
    for (double v = 0; v <= sc.xTop() + xs / 2; v += xs) {
      s.line(sc.x(v), BOTTOM, sc.x(v), BOTTOM + 5, "#333", 1, null);
      s.text(sc.x(v), BOTTOM + 20, Axis.compact(v), "middle", "tick");
    }
    s.line(LEFT, BOTTOM, RIGHT, BOTTOM, "#333", 1.5, null);
    s.line(LEFT, TOP, LEFT, BOTTOM, "#333", 1.5, null);
    s.text((LEFT + RIGHT) / 2, BOTTOM + 48, "monthly token volume (input + output tokens per month)", "middle", "axis-title");
    s.verticalText(22, (TOP + BOTTOM) / 2, "monthly cost (" + horizon + "-month total / " + horizon + ")", "axis-title");
  }

  private static void legend(Svg s, Set<TcoStrategy> strategies) {
    double x = LEFT;
    for (TcoStrategy st : strategies) {
      s.line(x, 22, x + 26, 22, COLOURS.get(st), 3, null);
      s.text(x + 32, 27, st.name(), "start", "legend");
      x += 52 + st.name().length() * 9;
    }
    if (strategies.stream().anyMatch(TcoStrategy::isBuffered)) {
      s.line(x, 22, x + 26, 22, "#555", 2, "7 5");
      s.text(x + 32, 27, "with uncertainty buffer", "start", "legend");
    }
  }

  private static List<double[]> series(List<CostCurve.Point> pts, TcoStrategy st, boolean buffered, Scale sc) {
    List<double[]> out = new ArrayList<>();
    for (CostCurve.Point p : pts) {
      Double v = (buffered ? p.bufferedMonthlyUsd() : p.monthlyUsd()).get(st);
      if (v != null) {
        out.add(new double[] {sc.x(p.tokensPerMonth()), sc.y(v)});
      }
    }
    return out;
  }

  private static void own(Svg s, CostCurve curve, Scale sc) {
    double x = sc.x(curve.ownTokensPerMonth());
    s.line(x, TOP - 12, x, BOTTOM, "#444", 1.5, "3 3");
    CostCurve.Point p = nearest(curve, curve.ownTokensPerMonth());
    String label = "this workload: " + Axis.compact(curve.ownTokensPerMonth()) + " tokens/month"
        + (p == null || p.requestsPerDay() == null ? "" : " (" + Axis.compact(p.requestsPerDay()) + " requests/day)");
    boolean left = x > (LEFT + RIGHT) / 2;
    s.text(left ? x - 6 : x + 6, TOP - 2, label, left ? "end" : "start", "marker-label");
    if (p == null) {
      return;
    }
    List<double[]> labels = new ArrayList<>();
    p.monthlyUsd().forEach((st, usd) -> labels.add(new double[] {sc.y(usd), usd, st.ordinal(), 0}));
    p.bufferedMonthlyUsd().forEach((st, usd) -> labels.add(new double[] {sc.y(usd), usd, st.ordinal(), 1}));
    labels.sort((a, b) -> Double.compare(a[0], b[0]));
    double lastY = -1e9;
    for (double[] l : labels) {
      TcoStrategy st = TcoStrategy.values()[(int) l[2]];
      String what = st + (l[3] == 1 ? " with buffer" : "") + " at this workload: " + TcoText.usd(l[1]) + "/month";
      s.circle(x, l[0], 4, COLOURS.get(st), "#fff", what);
      double ly = Math.max(l[0] - 6, lastY + 14);
      lastY = ly;
      s.text(x + 8, ly, Axis.money(l[1]) + "/mo" + (l[3] == 1 ? " buffered" : ""), "start", "marker-label");
    }
  }

  private static void crossovers(Svg s, CostCurve curve, TcoReport r, Scale sc) {
    int row = 0;
    for (TcoComparison c : r.comparisons()) {
      for (BreakEven b : new BreakEven[] {c.breakEven(), c.breakEvenBuffered()}) {
        if (b == null || b.outcome() != BreakEven.Outcome.CROSSOVER || b.tokensPerMonth() > sc.xTop()) {
          continue;
        }
        CostCurve.Point p = nearest(curve, b.tokensPerMonth());
        Double usd = p == null ? null : p.monthlyUsd().get(c.apiStrategy());
        if (usd == null) {
          continue;
        }
        double x = sc.x(b.tokensPerMonth());
        double y = sc.y(usd);
        double labelY = BOTTOM - 12 - 18 * row++;
        s.line(x, y, x, BOTTOM, "#777", 1, "2 3");
        String what = (b.buffered() ? "buffered break-even " : "break-even ") + c.apiStrategy() + " = "
            + c.selfHostStrategy() + ": " + Axis.compact(b.tokensPerMonth()) + " tokens/month"
            + (b.requestsPerDay() == null ? "" : " (" + Axis.compact(b.requestsPerDay()) + " requests/day)");
        s.circle(x, y, 6, b.buffered() ? "#fff" : "#222", "#222", what);
        boolean left = x > (LEFT + RIGHT) / 2;
        s.text(left ? x - 6 : x + 6, labelY, what, left ? "end" : "start", "marker-label");
      }
    }
  }

  private static CostCurve.Point nearest(CostCurve curve, double tokens) {
    CostCurve.Point best = null;
    for (CostCurve.Point p : curve.points()) {
      if (best == null || Math.abs(p.tokensPerMonth() - tokens) < Math.abs(best.tokensPerMonth() - tokens)) {
        best = p;
      }
    }
    return best;
  }
}
