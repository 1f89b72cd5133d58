package bvb.report;

import bvb.tco.TcoStrategy;
import bvb.uncertainty.RangedInput;
import bvb.uncertainty.Sensitivity;
import bvb.uncertainty.Sensitivity.Bar;
import bvb.uncertainty.Sensitivity.Flip;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code bvb sensitivity} as text, Markdown and JSON (the HTML page is {@link SensitivityHtml}). */
public final class SensitivityReport {
  /** Layout version of the JSON. */
  public static final int FORMAT = 1;

  private SensitivityReport() {}

  public static void text(Sensitivity s, PrintWriter out) {
    out.printf(Locale.ROOT, "Sensitivity of %s over %d months: each ranged input at its low and high end, the others at their point%n",
        title(s), s.horizonMonths());
    out.println("Point estimate: " + s.pointRecommendation() + "; " + totals(s));
    if (s.bars().isEmpty()) {
      out.println("No ranged inputs: give a cost input as {\"low\": .., \"high\": ..} to see its swing.");
    }
    int rank = 1;
    for (Bar b : s.bars()) {
      out.println();
      out.printf(Locale.ROOT, "%d. %s  %s  (%s)%n", rank++, b.input().name(), SimulationReport.range(b.input().range()), b.input().source());
      for (TcoStrategy st : b.atLow().keySet()) {
        out.printf(Locale.ROOT, "   %-22s low %14s   high %14s   swing %14s%n", st,
            Figures.usd(b.atLow().get(st)), Figures.usd(b.atHigh().get(st)), Figures.usd(b.swing(st)));
      }
      out.println("   " + flipText(s, b));
    }
    out.printf(Locale.ROOT, "%n%,d decisions made.%n", s.decisions());
    out.flush();
  }

  static String flipText(Sensitivity s, Bar b) {
    if (b.flips().isEmpty()) {
      return "recommendation stays " + s.pointRecommendation() + " over the whole range";
    }
    List<String> parts = new ArrayList<>();
    for (Flip f : b.flips()) {
      boolean below = f.value() < b.input().range().point();
      parts.add("flips to " + f.to() + (below ? " at or below " : " at or above ") + SimulationReport.num(round(f.value())));
    }
    return "recommendation " + String.join("; ", parts) + " (point: " + s.pointRecommendation() + ")";
  }

  /** A flip value to four significant digits (bisection locates it to 1/4096 of its interval). */
  static double round(double v) {
    if (v == 0) {
      return 0;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 3);
    return Math.round(v / mag) * mag;
  }

  private static String totals(Sensitivity s) {
    List<String> parts = new ArrayList<>();
    s.pointTotals().forEach((st, v) -> parts.add(st + " " + Figures.usd(v)));
    return String.join(", ", parts);
  }

  public static void markdown(Sensitivity s, PrintWriter out) {
    out.println("# Sensitivity: " + Markdown.text(title(s)));
    out.println();
    out.println("Each ranged input at its low and its high end, every other input at its point; widest swing first. "
        + s.horizonMonths() + "-month horizon totals. Point estimate: **" + s.pointRecommendation() + "** (" + totals(s) + ").");
    out.println();
    List<String> head = new ArrayList<>(List.of("input", "range"));
    List<Boolean> right = new ArrayList<>(List.of(false, false));
    List<TcoStrategy> sts = List.copyOf(s.pointTotals().keySet());
    for (TcoStrategy st : sts) {
      head.add(st.name() + " low → high");
      right.add(true);
    }
    head.add("recommendation");
    right.add(false);
    Markdown.header(out, head, right);
    for (Bar b : s.bars()) {
      List<String> row = new ArrayList<>(List.of("`" + b.input().name() + "`", SimulationReport.range(b.input().range())));
      for (TcoStrategy st : sts) {
        row.add(Figures.usd(b.atLow().get(st)) + " → " + Figures.usd(b.atHigh().get(st)));
      }
      row.add(flipText(s, b));
      Markdown.row(out, row);
    }
    out.flush();
  }

  public static ObjectNode json(Sensitivity s, String bvbVersion) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("bvbVersion", bvbVersion);
    o.put("name", s.name());
    o.put("horizonMonths", s.horizonMonths());
    o.put("pointRecommendation", s.pointRecommendation().name());
    ObjectNode pt = o.putObject("pointTotals");
    s.pointTotals().forEach((st, v) -> pt.put(st.name(), v));
    var bars = o.putArray("inputs");
    for (Bar b : s.bars()) {
      ObjectNode j = bars.addObject();
      RangedInput in = b.input();
      j.put("name", in.name());
      j.put("source", in.source());
      j.put("low", in.range().low());
      j.put("high", in.range().high());
      j.put("point", in.range().point());
      j.put("swingUsd", b.swingUsd());
      ObjectNode per = j.putObject("strategies");
      b.atLow().forEach((st, v) -> {
        ObjectNode x = per.putObject(st.name());
        x.put("atLow", v);
        x.put("atHigh", b.atHigh().get(st));
        x.put("swing", b.swing(st));
      });
      j.put("lowRecommendation", b.lowRecommendation().name());
      j.put("highRecommendation", b.highRecommendation().name());
      var flips = j.putArray("flips");
      for (Flip f : b.flips()) {
        ObjectNode x = flips.addObject();
        x.put("value", f.value());
        x.put("from", f.from().name());
        x.put("to", f.to().name());
      }
    }
    o.put("decisions", s.decisions());
    return o;
  }

  static String title(Sensitivity s) {
    return s.name() == null ? "the fact file" : s.name();
  }
}
