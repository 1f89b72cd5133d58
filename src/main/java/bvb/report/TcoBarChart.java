package bvb.report;

import bvb.tco.CostCategory;
import bvb.tco.TcoReport;
import bvb.tco.TcoResult;
import java.util.ArrayList;
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
  private static final double MIN_LEFT = 210;
  private static final double NAME_WIDTH = 300;
  private static final double MAX_RIGHT = 840;
  private static final double BAR = 38;
  private static final double GAP = 26;
  private static final double LINE = 16;

  private TcoBarChart() {}

  /** A bar's place: the strategy's name lines (plain name wrapped, then its code) and the bar's top. */
  private record Row(TcoResult result, List<String> name, double y, double height) {}

  /** The horizontal layout: where the bars start, where the dollar axis ends, and its top value. */
  private record Frame(double left, double right, double axisMax) {
    double x(double v) {
      return left + (right - left) * v / axisMax;
    }
  }

  static String svg(TcoReport r) {
    List<TcoResult> results = List.copyOf(r.results().values());
    double max = 0;
    for (TcoResult t : results) {
      max = Math.max(max, Math.max(t.horizonTotalUsd(), t.bufferedOrPlainTotalUsd()));
    }
    double axisMax = Axis.top(max * 1.12, 8);
    Labels.Font nameFont = Labels.font("bar-label");
    double left = MIN_LEFT;
    List<List<String>> names = new ArrayList<>();
    for (TcoResult t : results) {
      List<String> lines = wrap(Names.plainName(t.strategy()), nameFont, NAME_WIDTH);
      names.add(lines);
      for (String l : lines) {
        left = Math.max(left, 20 + Labels.width(l, nameFont));
      }
      left = Math.max(left, 20 + Labels.width(t.strategy().name(), Labels.font("bar-code")));
    }
    Frame frame = new Frame(left, right(results, left, axisMax), axisMax);
    List<Legend> legend = legendLayout();
    double top = legend.get(legend.size() - 1).y() + 30;
    List<Row> rows = new ArrayList<>();
    double y = top;
    for (int i = 0; i < results.size(); i++) {
      double h = Math.max(BAR, (names.get(i).size() + 1) * LINE + 4);
      rows.add(new Row(results.get(i), names.get(i), y, h));
      y += h + GAP;
    }
    double plotBottom = y - GAP + 12;
    int height = (int) plotBottom + 56;
    Svg s = new Svg(WIDTH, height, "Stacked bar chart: total cost over " + r.horizonMonths()
        + " months per strategy, split by cost category");
    legend.forEach(l -> l.draw(s));
    double step = Axis.step(max * 1.12, 8);
    Labels ticks = new Labels(new Labels.Box(0, 0, WIDTH, height));
    for (double v = 0; v <= axisMax + step / 2; v += step) {
      double x = frame.x(v);
      s.line(x, top - 8, x, plotBottom, "#d9d9d9", 1, null);
      BreakEvenChart.tick(s, ticks, new Labels.Spot(x, plotBottom + 18, "middle"), Axis.money(v));
    }
    s.text((frame.left() + frame.right()) / 2, plotBottom + 44, "total over " + r.horizonMonths() + " months (USD)", "middle", "axis-title");
    for (Row row : rows) {
      bar(s, row, frame);
    }
    s.line(frame.left(), top - 8, frame.left(), plotBottom, "#333", 1.5, null);
    return s.end();
  }

  /** One legend entry (a colour swatch or the dashed buffer mark, and its text) in rows that wrap. */
  private record Legend(double x, double y, String colour, String text) {
    void draw(Svg s) {
      if (colour == null) {
        s.line(x, y - 5, x + 22, y - 5, "#222", 2, "5 3");
        s.text(x + 28, y, text, "start", "legend");
      } else {
        s.rect(x, y - 12, 14, 14, colour, null);
        s.text(x + 20, y, text, "start", "legend");
      }
    }
  }

  private static List<Legend> legendLayout() {
    List<Legend> out = new ArrayList<>();
    Labels.Font f = Labels.font("legend");
    double x = 20;
    double y = 26;
    List<String[]> entries = new ArrayList<>();
    for (CostCategory c : CostCategory.values()) {
      entries.add(new String[] {COLOURS.get(c), c.name()});
    }
    entries.add(new String[] {null, "with uncertainty buffer"});
    for (String[] e : entries) {
      double w = 28 + Labels.width(e[1], f);
      if (x > 20 && x + w > WIDTH - 10) {
        x = 20;
        y += 22;
      }
      out.add(new Legend(x, y, e[0], e[1]));
      x += w + 22;
    }
    return out;
  }

  /**
   * The right end of the dollar axis: as far as {@link #MAX_RIGHT}, but no further than lets every
   * bar's total label end inside the chart.
   */
  private static double right(List<TcoResult> results, double left, double axisMax) {
    double right = MAX_RIGHT;
    for (TcoResult t : results) {
      double end = Math.max(t.horizonTotalUsd(), t.bufferedOrPlainTotalUsd());
      double label = Math.max(Labels.width(TcoText.usd(t.horizonTotalUsd()), Labels.font("total-label")),
          t.bufferedTotalUsd() == null ? 0 : Labels.width("buffered " + TcoText.usd(t.bufferedTotalUsd()), Labels.font("buf-label")));
      if (end > 0) {
        right = Math.min(right, left + (WIDTH - 12 - 8 - label - left) * axisMax / end);
      }
    }
    return right;
  }

  private static void bar(Svg s, Row row, Frame f) {
    TcoResult t = row.result();
    double y = row.y();
    double mid = y + row.height() / 2;
    double first = mid - (row.name().size() + 1) * LINE / 2 + 12;
    for (int i = 0; i < row.name().size(); i++) {
      s.text(f.left() - 10, first + i * LINE, row.name().get(i), "end", "bar-label");
    }
    s.text(f.left() - 10, first + row.name().size() * LINE, t.strategy().name(), "end", "bar-code");
    double x = f.left();
    Labels.Font segFont = Labels.font("seg-label");
    for (CostCategory c : CostCategory.values()) {
      double v = t.horizonByCategoryUsd().getOrDefault(c, 0.0);
      if (v <= 0) {
        continue;
      }
      double w = f.x(v) - f.left();
      s.rect(x, y, w, row.height(), COLOURS.get(c), t.strategy() + " " + c + ": " + TcoText.usd(v));
      String label = Axis.money(v);
      if (Labels.width(label, segFont) + 8 <= w) {
        s.text(x + w / 2, mid + 5, label, "middle", "seg-label");
      }
      x += w;
    }
    double end = x;
    if (t.bufferedTotalUsd() == null) {
      s.text(end + 8, mid + 5, TcoText.usd(t.horizonTotalUsd()), "start", "total-label");
      return;
    }
    double bx = f.x(t.bufferedTotalUsd());
    s.line(bx, y - 5, bx, y + row.height() + 5, "#222", 2, "5 3");
    end = Math.max(end, bx);
    s.text(end + 8, mid - 2, TcoText.usd(t.horizonTotalUsd()), "start", "total-label");
    s.text(end + 8, mid + 14, "buffered " + TcoText.usd(t.bufferedTotalUsd()), "start", "buf-label");
  }

  /** {@code text} broken at spaces into lines no wider than {@code max} (a longer word keeps its own line). */
  static List<String> wrap(String text, Labels.Font f, double max) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && Labels.width(candidate, f) > max) {
        lines.add(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.add(line);
    return lines;
  }
}
