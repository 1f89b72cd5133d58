package bvb.report;

import bvb.tco.TcoStrategy;
import bvb.uncertainty.Quantiles;
import bvb.uncertainty.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cumulative distribution of each strategy's horizon total over the draws of {@code bvb
 * simulate}: for a dollar amount on the x axis, the share of draws at or below it; P10, P50 and P90
 * are marked on each curve. A strategy no range touches is a vertical step at its one total.
 */
final class CdfChart {
  private static final int WIDTH = 960;
  private static final int PLOT_H = 340;
  private static final double LEFT = 78;
  private static final double RIGHT = WIDTH - 30;
  private static final int POINTS = 200;

  private CdfChart() {}

  static String svg(Simulation s) {
    Map<TcoStrategy, double[]> sorted = s.sortedTotals();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (double[] t : sorted.values()) {
      lo = Math.min(lo, t[0]);
      hi = Math.max(hi, t[t.length - 1]);
    }
    double span = Math.max(hi - lo, Math.max(hi, 1) * 0.05);
    double step = Axis.step(span * 1.2, 7);
    double min = Math.max(0, Math.floor((lo - span * 0.1) / step) * step);
    double max = Math.ceil((hi + span * 0.1) / step) * step;
    double legendY = legend(null, sorted);
    double top = legendY + 26;
    double bottom = top + PLOT_H;
    int height = (int) bottom + 56;
    Svg svg = new Svg(WIDTH, height, "Cumulative distribution of each strategy's total over " + s.horizonMonths()
        + " months across " + s.samples() + " draws");
    legend(svg, sorted);
    Labels ticks = new Labels(new Labels.Box(0, 0, WIDTH, height));
    for (double v = min; v <= max + step / 2; v += step) {
      double x = x(v, min, max);
      svg.line(x, top, x, bottom, "#e0e0e0", 1, null);
      BreakEvenChart.tick(svg, ticks, new Labels.Spot(x, bottom + 18, "middle"), Axis.money(v));
    }
    for (int p = 0; p <= 100; p += 25) {
      double y = bottom - PLOT_H * p / 100.0;
      svg.line(LEFT, y, RIGHT, y, "#e0e0e0", 1, null);
      BreakEvenChart.tick(svg, ticks, new Labels.Spot(LEFT - 8, y + 4, "end"), p + " %");
    }
    svg.text((LEFT + RIGHT) / 2, bottom + 44, "total over " + s.horizonMonths() + " months (USD)", "middle", "axis-title");
    svg.verticalText(18, (top + bottom) / 2, "share of draws at or below", "axis-title");
    sorted.forEach((st, t) -> {
      List<double[]> pts = new ArrayList<>();
      pts.add(new double[] {x(t[0], min, max), bottom});
      for (int i = 0; i <= POINTS; i++) {
        double q = i / (double) POINTS;
        int idx = Math.min(t.length - 1, (int) Math.ceil(q * t.length) - 1 < 0 ? 0 : (int) Math.ceil(q * t.length) - 1);
        pts.add(new double[] {x(t[idx], min, max), bottom - PLOT_H * q});
      }
      String colour = BreakEvenChart.COLOURS.get(st);
      svg.polyline(pts, colour, 2.5, null);
      Quantiles qs = s.totals().get(st);
      double[][] marks = {{qs.p10(), 0.1}, {qs.p50(), 0.5}, {qs.p90(), 0.9}};
      String[] names = {"P10", "P50", "P90"};
      for (int i = 0; i < marks.length; i++) {
        svg.circle(x(marks[i][0], min, max), bottom - PLOT_H * marks[i][1], 4, "#fff", colour,
            st + " " + names[i] + ": " + Figures.usd(marks[i][0]));
      }
    });
    svg.line(LEFT, top, LEFT, bottom, "#333", 1.5, null);
    svg.line(LEFT, bottom, RIGHT, bottom, "#333", 1.5, null);
    return svg.end();
  }

  private static double x(double v, double min, double max) {
    return LEFT + (RIGHT - LEFT) * (v - min) / (max - min);
  }

  private static double legend(Svg svg, Map<TcoStrategy, double[]> sorted) {
    Labels.Font f = Labels.font("legend");
    double x = 20;
    double y = 26;
    List<String> texts = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    sorted.keySet().forEach(st -> {
      texts.add(st.name());
      colours.add(BreakEvenChart.COLOURS.get(st));
    });
    texts.add("circles: P10, P50, P90");
    colours.add(null);
    for (int i = 0; i < texts.size(); i++) {
      double w = 32 + Labels.width(texts.get(i), f);
      if (x > 20 && x + w > WIDTH - 10) {
        x = 20;
        y += 22;
      }
      if (svg != null) {
        if (colours.get(i) != null) {
          svg.line(x, y - 5, x + 26, y - 5, colours.get(i), 3, null);
        } else {
          svg.circle(x + 13, y - 5, 4, "#fff", "#222", null);
        }
        svg.text(x + 32, y, texts.get(i), "start", "legend");
      }
      x += w + 22;
    }
    return y;
  }
}
