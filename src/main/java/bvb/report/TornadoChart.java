package bvb.report;

import bvb.tco.TcoStrategy;
import bvb.uncertainty.Sensitivity;
import bvb.uncertainty.Sensitivity.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * The tornado of {@code bvb sensitivity}: one row per ranged input, widest swing on top; in each
 * row a bar per strategy whose total the input moves, from its total at the input's low end to its
 * total at the high end (labelled at both ends), on one dollar axis; each strategy's point total is
 * a dashed vertical line.
 */
final class TornadoChart {
  private static final int WIDTH = 960;
  private static final double NAME_MAX = 280;
  private static final double BAR = 16;
  private static final double BAR_GAP = 6;
  private static final double ROW_GAP = 22;
  private static final double LINE = 16;

  private TornadoChart() {}

  private record Frame(double left, double right, double min, double max) {
    double x(double v) {
      return left + (right - left) * (v - min) / (max - min);
    }
  }

  static String svg(Sensitivity s) {
    List<TcoStrategy> strategies = List.copyOf(s.pointTotals().keySet());
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (Bar b : s.bars()) {
      for (TcoStrategy st : strategies) {
        lo = Math.min(lo, Math.min(b.atLow().get(st), b.atHigh().get(st)));
        hi = Math.max(hi, Math.max(b.atLow().get(st), b.atHigh().get(st)));
      }
    }
    for (double v : s.pointTotals().values()) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double span = Math.max(hi - lo, Math.max(hi, 1) * 0.05);
    double step = Axis.step(span * 1.6, 6);
    double min = Math.max(0, Math.floor((lo - span * 0.3) / step) * step);
    double max = Math.ceil((hi + span * 0.3) / step) * step;
    Labels.Font nameFont = Labels.font("bar-label");
    Labels.Font codeFont = Labels.font("bar-code");
    List<List<String>> names = new ArrayList<>();
    double left = 160;
    for (Bar b : s.bars()) {
      List<String> lines = TcoBarChart.wrap(shortName(b), nameFont, NAME_MAX);
      names.add(lines);
      for (String l : lines) {
        left = Math.max(left, 24 + Labels.width(l, nameFont));
      }
      left = Math.max(left, 24 + Labels.width(rangeText(b), codeFont));
    }
    Frame f = new Frame(left, WIDTH - 30, min, max);
    double y = legend(null, strategies, s) + 26;
    double top = y;
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < s.bars().size(); i++) {
      int moved = moved(s.bars().get(i), strategies).size();
      double barsH = Math.max(1, moved) * (BAR + BAR_GAP) - BAR_GAP + 28; // room for the value labels under the bars
      double h = Math.max(barsH, (names.get(i).size() + 1) * LINE + 6);
      rows.add(new double[] {y, h});
      y += h + ROW_GAP;
    }
    double bottom = y - ROW_GAP + 8;
    int height = (int) bottom + 56;
    Svg svg = new Svg(WIDTH, height, "Tornado chart: each strategy's total over " + s.horizonMonths()
        + " months with each ranged input at its low and its high end");
    legend(svg, strategies, s);
    Labels ticks = new Labels(new Labels.Box(0, 0, WIDTH, height));
    for (double v = min; v <= max + step / 2; v += step) {
      double x = f.x(v);
      svg.line(x, top - 8, x, bottom, "#e0e0e0", 1, null);
      BreakEvenChart.tick(svg, ticks, new Labels.Spot(x, bottom + 18, "middle"), Axis.money(v));
    }
    svg.text((f.left() + f.right()) / 2, bottom + 44, "total over " + s.horizonMonths() + " months (USD)", "middle", "axis-title");
    for (TcoStrategy st : strategies) {
      double x = f.x(s.pointTotals().get(st));
      svg.line(x, top - 8, x, bottom, BreakEvenChart.COLOURS.get(st), 1.5, "5 4");
    }
    for (int i = 0; i < s.bars().size(); i++) {
      row(svg, s.bars().get(i), names.get(i), rows.get(i)[0], rows.get(i)[1], f, strategies);
    }
    svg.line(f.left(), top - 8, f.left(), bottom, "#333", 1.5, null);
    return svg.end();
  }

  private static List<TcoStrategy> moved(Bar b, List<TcoStrategy> strategies) {
    return strategies.stream().filter(st -> b.swing(st) > 0.5).toList();
  }

  private static void row(Svg svg, Bar b, List<String> name, double y, double h, Frame f, List<TcoStrategy> strategies) {
    double first = y + 13;
    for (int i = 0; i < name.size(); i++) {
      svg.text(f.left() - 12, first + i * LINE, name.get(i), "end", "bar-label");
    }
    svg.text(f.left() - 12, first + name.size() * LINE, rangeText(b), "end", "bar-code");
    double by = y;
    Labels.Font font = Labels.font("tick");
    for (TcoStrategy st : moved(b, strategies)) {
      double a = Math.min(b.atLow().get(st), b.atHigh().get(st));
      double z = Math.max(b.atLow().get(st), b.atHigh().get(st));
      double x0 = f.x(a);
      double x1 = f.x(z);
      svg.rect(x0, by, x1 - x0, BAR, BreakEvenChart.COLOURS.get(st), st + ": " + Figures.usd(b.atLow().get(st))
          + " at low, " + Figures.usd(b.atHigh().get(st)) + " at high");
      String la = Axis.money(b.atLow().get(st)) + " (low)";
      String lz = Axis.money(b.atHigh().get(st)) + " (high)";
      boolean lowLeft = b.atLow().get(st) <= b.atHigh().get(st);
      String left = lowLeft ? la : lz;
      String right = lowLeft ? lz : la;
      svg.text(x0 - 6, by + 12.5, left, "end", "tick");
      if (x1 + 6 + Labels.width(right, font) < WIDTH - 4) {
        svg.text(x1 + 6, by + 12.5, right, "start", "tick");
      } else {
        svg.text(x1, by + BAR + 14, right, "end", "tick");
      }
      by += BAR + BAR_GAP;
    }
    String flip = flip(b);
    svg.text(f.left() + 6, y + h - 4, flip, "start", "marker-label");
  }

  private static String flip(Bar b) {
    if (b.flips().isEmpty()) {
      return "no flip in range";
    }
    List<String> parts = new ArrayList<>();
    for (Sensitivity.Flip fl : b.flips()) {
      parts.add("flips to " + fl.to() + " at " + SimulationReport.num(SensitivityReport.round(fl.value())));
    }
    return String.join("; ", parts);
  }

  /** The input's field name (last two path parts) or catalog id. */
  static String shortName(Bar b) {
    if (b.input().catalogEntryId() != null) {
      return b.input().catalogEntryId() + " (catalog)";
    }
    String[] p = b.input().name().split("\\.");
    String strategy = p.length > 2 ? p[2] : "";
    String field = p.length >= 2 ? p[p.length - 2] + "." + p[p.length - 1] : b.input().name();
    return field + (strategy.isEmpty() ? "" : " " + strategy);
  }

  private static String rangeText(Bar b) {
    return "range " + SimulationReport.range(b.input().range());
  }

  /** Draws the legend (svg non-null) and returns its last row's baseline. */
  private static double legend(Svg svg, List<TcoStrategy> strategies, Sensitivity s) {
    Labels.Font f = Labels.font("legend");
    double x = 20;
    double y = 26;
    List<String> texts = new ArrayList<>();
    for (TcoStrategy st : strategies) {
      texts.add(st.name());
    }
    texts.add("dashed: point total");
    for (int i = 0; i < texts.size(); i++) {
      double w = 20 + Labels.width(texts.get(i), f);
      if (x > 20 && x + w > WIDTH - 10) {
        x = 20;
        y += 22;
      }
      if (svg != null) {
        if (i < strategies.size()) {
          svg.rect(x, y - 12, 14, 14, BreakEvenChart.COLOURS.get(strategies.get(i)), null);
        } else {
          svg.line(x, y - 5, x + 14, y - 5, "#222", 1.5, "4 3");
        }
        svg.text(x + 20, y, texts.get(i), "start", "legend");
      }
      x += w + 22;
    }
    return y;
  }
}
