package bvb.report;

import bvb.portfolio.Portfolio;
import bvb.portfolio.Portfolio.Blocker;
import bvb.portfolio.Portfolio.Row;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code bvb portfolio} as text, Markdown and CSV (the HTML page is {@link PortfolioHtml}). */
public final class PortfolioReport {
  static final int BLOCKERS = 8;
  static final String BLOCKERS_TITLE = "Missing facts holding back the most decisions";

  private PortfolioReport() {}

  public static void text(Portfolio p, PrintWriter out) {
    out.printf(Locale.ROOT, "Portfolio: %d workloads decided, %d failed; monthly = horizon total / months%n", p.rows().size(), p.failures().size());
    out.printf(Locale.ROOT, "  %-44s %-25s %-6s %12s %12s %12s%n", "workload", "recommendation", "conf.", "rec./month", "API/month", "saving/mo");
    for (Row r : p.rows()) {
      out.printf(Locale.ROOT, "  %-44s %-25s %-6s %12s %12s %12s%n", clip(shortName(r.workload()), 44), r.strategy(), r.confidence(),
          money(r.recommendedMonthlyUsd()), money(r.apiMonthlyUsd()), money(r.savingMonthlyUsd()));
    }
    out.println();
    out.println("Totals by recommended strategy (monthly, over the priced workloads):");
    p.totals().forEach((s, t) -> out.printf(Locale.ROOT, "  %-22s %4d workloads (%d priced)  %12s  saving %12s%n", s, t.workloads(),
        t.priced(), money(t.monthlyUsd()), money(t.savingMonthlyUsd())));
    out.println();
    out.println(BLOCKERS_TITLE + " (decisions it can flip with --what-if / LOW-confidence decisions asking / all asking):");
    for (Blocker b : top(p)) {
      out.printf(Locale.ROOT, "  %-30s %4d %4d %4d  %s%n", b.code(), b.decisive(), b.lowConfidenceDecisions(), b.decisions(), clip(b.text(), 80));
    }
    for (Portfolio.Failure f : p.failures()) {
      out.println("FAILED " + f.workload() + ": " + f.error());
    }
    out.flush();
  }

  public static void markdown(Portfolio p, PrintWriter out) {
    out.println("# Portfolio");
    out.println();
    out.printf(Locale.ROOT, "%d workloads decided, %d failed. Monthly cost = horizon total / months.%n%n", p.rows().size(), p.failures().size());
    Markdown.header(out, List.of("workload", "recommendation", "confidence", "recommended / month", "API / month", "saving / month"),
        List.of(false, false, false, true, true, true));
    for (Row r : p.rows()) {
      Markdown.row(out, List.of(shortName(r.workload()), r.strategy().name(), r.confidence().name(),
          money(r.recommendedMonthlyUsd()), money(r.apiMonthlyUsd()), money(r.savingMonthlyUsd())));
    }
    out.println();
    out.println("## Totals by recommended strategy");
    out.println();
    Markdown.header(out, List.of("strategy", "workloads", "priced", "monthly", "saving / month"), List.of(false, true, true, true, true));
    p.totals().forEach((s, t) -> Markdown.row(out, List.of(s.name(), String.valueOf(t.workloads()), String.valueOf(t.priced()),
        money(t.monthlyUsd()), money(t.savingMonthlyUsd()))));
    out.println();
    out.println("## " + BLOCKERS_TITLE);
    out.println();
    Markdown.header(out, List.of("next step", "decisions it can flip (--what-if)", "LOW decisions asking", "all asking", "what"),
        List.of(false, true, true, true, false));
    for (Blocker b : top(p)) {
      Markdown.row(out, List.of(b.code(), String.valueOf(b.decisive()), String.valueOf(b.lowConfidenceDecisions()),
          String.valueOf(b.decisions()), b.text()));
    }
    if (!p.failures().isEmpty()) {
      out.println();
      Markdown.bullets(out, "Failed", p.failures().stream().map(f -> f.workload() + ": " + f.error()).toList());
    }
    out.flush();
  }

  /** One CSV row per workload (RFC 4180 quoting); failed workloads have an error and no decision. */
  public static void csv(Portfolio p, PrintWriter out) {
    out.println("workload,name,recommendation,confidence,recommended_monthly_usd,api_monthly_usd,saving_monthly_usd,error");
    for (Row r : p.rows()) {
      out.println(String.join(",", q(r.workload()), q(r.name()), r.strategy().name(), r.confidence().name(),
          num(r.recommendedMonthlyUsd()), num(r.apiMonthlyUsd()), num(r.savingMonthlyUsd()), ""));
    }
    for (Portfolio.Failure f : p.failures()) {
      out.println(String.join(",", q(f.workload()), "", "", "", "", "", "", q(f.error())));
    }
    out.flush();
  }

  static List<Blocker> top(Portfolio p) {
    return p.blockers().stream().filter(b -> b.decisive() > 0 || b.lowConfidenceDecisions() > 0).limit(BLOCKERS).toList();
  }

  static String shortName(String workload) {
    int slash = workload.lastIndexOf('/');
    return slash < 0 ? workload : workload.substring(slash + 1);
  }

  static String money(Double v) {
    return v == null ? "-" : SimulationReport.money(v);
  }

  private static String num(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String q(String s) {
    if (s == null) {
      return "";
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
