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
  private static final double LEFT = 96;
  private static final double RIGHT = 930;
  private static final double PLOT_HEIGHT = 320;
  private static final double LEGEND_ROW = 22;

  private BreakEvenChart() {}

  static String svg(CostCurve curve, TcoReport r) {
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
    List<Legend> legend = legendLayout(strategies);
    double legendBottom = legend.isEmpty() ? 10 : legend.get(legend.size() - 1).y() + 6;
    double top = legendBottom + 40;
    double bottom = top + PLOT_HEIGHT;
    int height = (int) Math.ceil(bottom + 80);
    Svg s = new Svg(WIDTH, height, "Line chart: monthly cost per strategy against monthly token volume, break-even marked");
    double xTop = Axis.top(maxX, 8);
    double yTop = Axis.top(maxY * 1.08, 6);
    Scale sc = new Scale(xTop, yTop, top, bottom);
    axes(s, sc, r.horizonMonths());
    legend.forEach(l -> l.draw(s));
    for (TcoStrategy st : strategies) {
      s.polyline(series(pts, st, false, sc), COLOURS.get(st), 2.5, null);
      if (st.isBuffered()) {
        s.polyline(series(pts, st, true, sc), COLOURS.get(st), 2, "7 5");
      }
    }
    // labels go between the legend and the x axis, clear of each other and of every marker
    Labels labels = new Labels(new Labels.Box(LEFT + 2, legendBottom + 4, WIDTH - LEFT - 6, bottom - 2 - legendBottom - 4));
    List<Crossover> crossovers = crossovers(curve, r, sc);
    OwnPoints own = ownPoints(curve, sc);
    crossovers.forEach(c -> labels.block(Labels.Box.around(c.x(), c.y(), 8)));
    own.markers().forEach(m -> labels.block(Labels.Box.around(own.x(), m.y(), 6)));
    own.draw(s, labels, sc);
    for (Crossover c : crossovers) {
      c.draw(s, labels, sc);
    }
    return s.end();
  }

  private record Scale(double xTop, double yTop, double top, double bottom) {
    double x(double tokens) {
      return LEFT + (RIGHT - LEFT) * tokens / xTop;
    }

    double y(double usd) {
      return bottom - (bottom - top) * usd / yTop;
    }
  }

  private static void axes(Svg s, Scale sc, int horizon) {
    double ys = Axis.step(sc.yTop(), 6);
    Labels yTicks = new Labels(new Labels.Box(0, 0, WIDTH, sc.bottom() + 100));
    for (double v = 0; v <= sc.yTop() + ys / 2; v += ys) {
      s.line(LEFT, sc.y(v), RIGHT, sc.y(v), "#e3e3e3", 1, null);
      tick(s, yTicks, new Labels.Spot(LEFT - 8, sc.y(v) + 4, "end"), Axis.money(v));
    }
    double xs = Axis.step(sc.xTop(), 8);
    Labels ticks = new Labels(new Labels.Box(0, 0, WIDTH, sc.bottom() + 100));
    for (double v = 0; v <= sc.xTop() + xs / 2; v += xs) {
      s.line(sc.x(v), sc.bottom(), sc.x(v), sc.bottom() + 5, "#333", 1, null);
      tick(s, ticks, new Labels.Spot(sc.x(v), sc.bottom() + 20, "middle"), Axis.compact(v));
    }
    s.line(LEFT, sc.bottom(), RIGHT, sc.bottom(), "#333", 1.5, null);
    s.line(LEFT, sc.top(), LEFT, sc.bottom(), "#333", 1.5, null);
    s.text((LEFT + RIGHT) / 2, sc.bottom() + 48, "monthly token volume (input + output tokens per month)", "middle", "axis-title");
    s.verticalText(22, (sc.top() + sc.bottom()) / 2, "monthly cost (" + horizon + "-month total / " + horizon + ")", "axis-title");
  }

  /** A tick label, left out when it would touch the one before it. */
  static void tick(Svg s, Labels ticks, Labels.Spot spot, String text) {
    Labels.Font f = Labels.font("tick");
    Labels.Box b = Labels.box(text, spot, f);
    if (ticks.free(b.pad(2))) {
      ticks.block(b.pad(2));
      s.text(spot.x(), spot.y(), text, spot.anchor(), "tick");
    }
  }

  /** One legend entry: a line sample and its text, at its place in rows that wrap at the chart's width. */
  private record Legend(double x, double y, String colour, String dash, String text) {
    void draw(Svg s) {
      s.line(x, y - 5, x + 26, y - 5, colour, dash == null ? 3 : 2, dash);
      s.text(x + 32, y, text, "start", "legend");
    }
  }

  private static List<Legend> legendLayout(Set<TcoStrategy> strategies) {
    List<String[]> entries = new ArrayList<>();
    for (TcoStrategy st : strategies) {
      entries.add(new String[] {COLOURS.get(st), null, Names.withCode(st)});
    }
    if (strategies.stream().anyMatch(TcoStrategy::isBuffered)) {
      entries.add(new String[] {"#555", "7 5", "with uncertainty buffer"});
    }
    List<Legend> out = new ArrayList<>();
    Labels.Font f = Labels.font("legend");
    double x = LEFT;
    double y = 27;
    for (String[] e : entries) {
      double w = 32 + Labels.width(e[2], f);
      if (x > LEFT && x + w > WIDTH - 10) {
        x = LEFT;
        y += LEGEND_ROW;
      }
      out.add(new Legend(x, y, e[0], e[1], e[2]));
      x += w + 26;
    }
    return out;
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

  /** A strategy's monthly cost at the workload's own volume. */
  private record Marker(TcoStrategy strategy, boolean buffered, double usd, double y) {}

  /** The workload's own volume: its vertical line and label, and each strategy's cost there. */
  private record OwnPoints(double x, String label, List<Marker> markers) {
    void draw(Svg s, Labels labels, Scale sc) {
      s.line(x, sc.top() - 12, x, sc.bottom(), "#444", 1.5, "3 3");
      Labels.Font f = Labels.font("marker-label");
      Labels.Placed own = labels.place(label, f, List.of(
          new Labels.Spot(x + 6, sc.top() - 4, "start"), new Labels.Spot(x - 6, sc.top() - 4, "end")), 3);
      s.text(own.spot().x(), own.spot().y(), label, own.spot().anchor(), "marker-label");
      for (Marker m : markers) {
        String what = m.strategy() + (m.buffered() ? " with buffer" : "") + " at this workload: " + TcoText.usd(m.usd()) + "/month";
        s.circle(x, m.y(), 4, COLOURS.get(m.strategy()), "#fff", what);
      }
      for (Marker m : markers) {
        String text = Axis.money(m.usd()) + "/mo" + (m.buffered() ? " buffered" : "");
        Labels.Placed p = labels.place(text, f, List.of(
            new Labels.Spot(x + 9, m.y() + 4, "start"), new Labels.Spot(x - 9, m.y() + 4, "end"),
            new Labels.Spot(x + 9, m.y() - 8, "start"), new Labels.Spot(x + 9, m.y() + 16, "start"),
            new Labels.Spot(x - 9, m.y() - 8, "end"), new Labels.Spot(x - 9, m.y() + 16, "end")), 3);
        leader(s, x, m.y(), p.box());
        s.text(p.spot().x(), p.spot().y(), text, p.spot().anchor(), "marker-label");
      }
    }
  }

  private static OwnPoints ownPoints(CostCurve curve, Scale sc) {
    double x = sc.x(curve.ownTokensPerMonth());
    CostCurve.Point p = nearest(curve, curve.ownTokensPerMonth());
    String label = "this workload: " + Axis.compact(curve.ownTokensPerMonth()) + " tokens/month"
        + (p == null || p.requestsPerDay() == null ? "" : " (" + Axis.compact(p.requestsPerDay()) + " requests/day)");
    List<Marker> markers = new ArrayList<>();
    if (p != null) {
      p.monthlyUsd().forEach((st, usd) -> markers.add(new Marker(st, false, usd, sc.y(usd))));
      p.bufferedMonthlyUsd().forEach((st, usd) -> markers.add(new Marker(st, true, usd, sc.y(usd))));
    }
    markers.sort((a, b) -> Double.compare(a.y(), b.y()));
    return new OwnPoints(x, label, markers);
  }

  /** A thin line from a marker to its label when the label had to move away from it. */
  private static void leader(Svg s, double x, double y, Labels.Box label) {
    double ly = Math.max(label.y(), Math.min(label.bottom(), y));
    double lx = label.x() >= x ? label.x() - 1 : label.right() + 1;
    if (Math.abs(ly - y) > 3 || Math.abs(lx - x) > 14) {
      s.line(x, y, lx, ly, "#777", 1, null);
    }
  }

  /** A break-even volume within the chart, circled on the API strategy's curve. */
  private record Crossover(double x, double y, boolean buffered, String title, String label) {
    void draw(Svg s, Labels labels, Scale sc) {
      s.line(x, y, x, sc.bottom(), "#777", 1, "2 3");
      s.circle(x, y, 6, buffered ? "#fff" : "#222", "#222", title);
      Labels.Placed p = labels.place(label, Labels.font("marker-label"), List.of(
          new Labels.Spot(x + 10, y + 18, "start"), new Labels.Spot(x - 10, y + 18, "end"),
          new Labels.Spot(x + 10, y - 10, "start"), new Labels.Spot(x - 10, y - 10, "end")), 3);
      leader(s, x, y, p.box());
      s.text(p.spot().x(), p.spot().y(), label, p.spot().anchor(), "marker-label");
    }
  }

  private static List<Crossover> crossovers(CostCurve curve, TcoReport r, Scale sc) {
    List<Crossover> out = new ArrayList<>();
    boolean severalPairs = r.comparisons().size() > 1;
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
        String volume = Axis.compact(b.tokensPerMonth()) + " tokens/month"
            + (b.requestsPerDay() == null ? "" : " (" + Axis.compact(b.requestsPerDay()) + " requests/day)");
        String pair = c.apiStrategy() + " = " + c.selfHostStrategy();
        String kind = b.buffered() ? "buffered break-even " : "break-even ";
        out.add(new Crossover(sc.x(b.tokensPerMonth()), sc.y(usd), b.buffered(), kind + pair + ": " + volume,
            kind.trim() + (severalPairs ? " " + pair : "") + ": " + volume));
      }
    }
    return out;
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
