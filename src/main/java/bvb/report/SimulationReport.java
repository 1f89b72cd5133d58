package bvb.report;

import bvb.facts.Strategy;
import bvb.tco.Range;
import bvb.tco.TcoStrategy;
import bvb.uncertainty.Quantiles;
import bvb.uncertainty.RangedInput;
import bvb.uncertainty.Simulation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code bvb simulate} as text, Markdown and JSON (the HTML page is {@link SimulationHtml}). */
public final class SimulationReport {
  /** Layout version of the JSON. */
  public static final int FORMAT = 1;
  static final String DISTRIBUTIONS = "triangular on low/mode/high where a mode is given, else uniform on low..high";
  static final String CHEAPEST = "cheapest after the 30 % self-host buffer and the 20 % guard";

  private SimulationReport() {}

  public static void text(Simulation s, PrintWriter out) {
    out.printf(Locale.ROOT, "Simulation of %s: %,d draws, seed %d, %d-month horizon%n", title(s), s.samples(), s.seed(), s.horizonMonths());
    out.println("Ranged inputs (" + DISTRIBUTIONS + "):");
    for (RangedInput in : s.inputs()) {
      out.println("  " + in.name() + "  " + range(in.range()) + "  (" + in.source() + ")");
    }
    out.println();
    out.printf(Locale.ROOT, "  %-22s %14s %14s %14s %14s%n", "horizon total", "P10", "P50", "P90", "point");
    s.totals().forEach((st, q) -> out.printf(Locale.ROOT, "  %-22s %14s %14s %14s %14s%n", st,
        Figures.usd(q.p10()), Figures.usd(q.p50()), Figures.usd(q.p90()), Figures.usd(s.pointTotals().get(st))));
    if (!s.savingsVsApi().isEmpty()) {
      out.println("  saving against the cheapest API option (positive: cheaper than the API):");
      s.savingsVsApi().forEach((st, q) -> out.printf(Locale.ROOT, "  %-22s %14s %14s %14s%n", st,
          money(q.p10()), money(q.p50()), money(q.p90())));
    }
    out.println();
    out.println("Probability of being the " + CHEAPEST + ":");
    s.cheapestPct().forEach((st, p) -> out.printf(Locale.ROOT, "  %-22s %5s %%%n", st, Simulation.pct(p)));
    if (s.decisions() > 0) {
      out.printf(Locale.ROOT, "Recommendation over the first %,d draws decided by the rules (point estimate: %s):%n",
          s.decisions(), s.pointRecommendation());
      s.recommendationPct().forEach((st, p) -> out.printf(Locale.ROOT, "  %-22s %5s %%%n", st, Simulation.pct(p)));
    }
    if (s.oneLine() != null) {
      out.println();
      out.println(s.oneLine() + ".");
    }
    out.flush();
  }

  public static void markdown(Simulation s, PrintWriter out) {
    out.println("# Simulation: " + Markdown.text(title(s)));
    out.println();
    out.printf(Locale.ROOT, "%,d draws, seed %d, %d-month horizon; %s.%n%n", s.samples(), s.seed(), s.horizonMonths(), DISTRIBUTIONS);
    out.println("## Ranged inputs");
    out.println();
    Markdown.header(out, List.of("input", "low", "mode", "high", "source"), List.of(false, true, true, true, false));
    for (RangedInput in : s.inputs()) {
      Range r = in.range();
      Markdown.row(out, List.of("`" + in.name() + "`", num(r.low()), r.mode() == null ? "-" : num(r.mode()), num(r.high()), in.source()));
    }
    out.println();
    out.println("## Horizon totals");
    out.println();
    Markdown.header(out, List.of("strategy", "P10", "P50", "P90", "point", "saving vs API P10", "P50", "P90"),
        List.of(false, true, true, true, true, true, true, true));
    s.totals().forEach((st, q) -> {
      Quantiles sv = s.savingsVsApi().get(st);
      Markdown.row(out, List.of(st.name(), Figures.usd(q.p10()), Figures.usd(q.p50()), Figures.usd(q.p90()),
          Figures.usd(s.pointTotals().get(st)), sv == null ? "-" : money(sv.p10()),
          sv == null ? "-" : money(sv.p50()), sv == null ? "-" : money(sv.p90())));
    });
    out.println();
    out.println("## Probabilities");
    out.println();
    Markdown.header(out, List.of("strategy", CHEAPEST, "recommended (" + s.decisions() + " decided draws)"), List.of(false, true, true));
    for (Strategy st : strategies(s)) {
      Double c = s.cheapestPct().get(st);
      Double r = s.recommendationPct().get(st);
      Markdown.row(out, List.of(st.name(), c == null ? "0 %" : Simulation.pct(c) + " %", r == null ? "0 %" : Simulation.pct(r) + " %"));
    }
    if (s.oneLine() != null) {
      out.println();
      out.println("**" + s.oneLine() + "** (point estimate: " + s.pointRecommendation() + ").");
    }
    out.flush();
  }

  public static ObjectNode json(Simulation s, String bvbVersion) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("bvbVersion", bvbVersion);
    o.put("name", s.name());
    o.put("samples", s.samples());
    o.put("seed", s.seed());
    o.put("horizonMonths", s.horizonMonths());
    o.put("distributions", DISTRIBUTIONS);
    var inputs = o.putArray("inputs");
    for (RangedInput in : s.inputs()) {
      ObjectNode i = inputs.addObject();
      i.put("name", in.name());
      i.put("low", in.range().low());
      i.put("high", in.range().high());
      if (in.range().mode() == null) {
        i.putNull("mode");
      } else {
        i.put("mode", in.range().mode());
      }
      i.put("point", in.range().point());
      i.put("source", in.source());
    }
    ObjectNode totals = o.putObject("horizonTotals");
    s.totals().forEach((st, q) -> quantiles(totals.putObject(st.name()), q).put("point", s.pointTotals().get(st)));
    ObjectNode savings = o.putObject("savingsVsApi");
    s.savingsVsApi().forEach((st, q) -> quantiles(savings.putObject(st.name()), q));
    ObjectNode cheapest = o.putObject("cheapestPct");
    s.cheapestPct().forEach((st, p) -> cheapest.put(st.name(), p));
    if (s.selfHostPriced()) {
      o.put("selfHostCheaperPct", s.selfHostCheaperPct());
    } else {
      o.putNull("selfHostCheaperPct");
    }
    o.put("decisions", s.decisions());
    o.put("pointRecommendation", s.pointRecommendation() == null ? null : s.pointRecommendation().name());
    ObjectNode recs = o.putObject("recommendationPct");
    s.recommendationPct().forEach((st, p) -> recs.put(st.name(), p));
    o.put("summary", s.oneLine());
    return o;
  }

  private static ObjectNode quantiles(ObjectNode o, Quantiles q) {
    o.put("p10", q.p10());
    o.put("p50", q.p50());
    o.put("p90", q.p90());
    return o;
  }

  /** Strategies that were cheapest or recommended in some draw, or priced, in enum order. */
  static List<Strategy> strategies(Simulation s) {
    List<Strategy> out = new ArrayList<>();
    for (Strategy st : Strategy.values()) {
      boolean priced = false;
      for (TcoStrategy t : s.totals().keySet()) {
        priced |= t.name().equals(st.name());
      }
      if (priced || s.cheapestPct().containsKey(st) || s.recommendationPct().containsKey(st)) {
        out.add(st);
      }
    }
    return out;
  }

  static String title(Simulation s) {
    return s.name() == null ? "the fact file" : s.name();
  }

  static String range(Range r) {
    return num(r.low()) + " .. " + num(r.high()) + (r.mode() == null ? "" : " (mode " + num(r.mode()) + ")");
  }

  /** Whole dollars with separators and a leading minus: -$42,965. */
  static String money(double v) {
    return (v < 0 ? "-" : "") + Figures.usd(Math.abs(v));
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, "%,.4f", v).replaceAll("0+$", "");
  }

  static Map<TcoStrategy, Quantiles> totals(Simulation s) {
    return s.totals();
  }
}
