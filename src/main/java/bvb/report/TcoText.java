package bvb.report;

import bvb.tco.BreakEven;
import bvb.tco.CostCategory;
import bvb.tco.TcoComparison;
import bvb.tco.TcoReport;
import bvb.tco.TcoResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The TCO comparison as a table for people ({@code bvb tco}, and inside {@code bvb decide}). */
public final class TcoText {
  private TcoText() {}

  public static void write(TcoReport r, PrintWriter out) {
    out.println("TCO over " + r.horizonMonths() + " months (catalog " + r.catalogFile() + ", sha256 "
        + r.catalogSha256().substring(0, 12) + "...)");
    out.printf(Locale.ROOT, "  %-22s %10s %10s %10s %10s %10s %10s %12s %12s %14s%n", "strategy", "compute/mo",
        "eng/mo", "data/mo", "compl/mo", "one-time", "opportun.", "total", "buffered", "shares C/E/D/Co/O %");
    for (TcoResult t : r.results().values()) {
      out.printf(Locale.ROOT, "  %-22s %10s %10s %10s %10s %10s %10s %12s %12s  %s%n", t.strategy(),
          usd(t.monthlyComputeUsd()), usd(t.monthlyEngineeringUsd()), usd(t.monthlyDataEvalUsd()),
          usd(t.monthlyComplianceUsd()), usd(t.oneTimeTotalUsd()), usd(t.opportunityCostUsd()),
          usd(t.horizonTotalUsd()), t.bufferedTotalUsd() == null ? "-" : usd(t.bufferedTotalUsd()), shares(t));
    }
    for (TcoComparison c : r.comparisons()) {
      out.printf(Locale.ROOT, "  %s vs %s: self-host saves %.1f%% (%.1f%% after the %s buffer); verdict %s%s%n",
          c.apiStrategy(), c.selfHostStrategy(), c.savingsPct(), c.savingsPctBuffered(), "uncertainty",
          c.verdict(), c.guardFavoursApi() ? " (savings at or below the 20% guard)" : "");
      out.println("    break-even: " + breakEven(c.breakEven()) + "; buffered: " + breakEven(c.breakEvenBuffered()));
    }
    out.flush();
  }

  static String usd(double v) {
    return String.format(Locale.ROOT, "$%,.0f", v);
  }

  private static String shares(TcoResult t) {
    StringBuilder sb = new StringBuilder();
    for (CostCategory c : CostCategory.values()) {
      Double v = t.sharesPct().get(c);
      sb.append(sb.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.1f", v == null ? 0.0 : v));
    }
    return sb.toString();
  }

  private static String breakEven(BreakEven b) {
    if (b == null) {
      return "-";
    }
    if (b.outcome() == BreakEven.Outcome.CROSSOVER) {
      return String.format(Locale.ROOT, "%,.0f tokens/month%s", b.tokensPerMonth(),
          b.requestsPerDay() == null ? "" : String.format(Locale.ROOT, " (%,.0f requests/day)", b.requestsPerDay()));
    }
    return b.outcome().name();
  }
}
