package bvb.report;

import bvb.engine.Conclusion.Confidence;
import bvb.engine.Conclusion.Reason;
import bvb.engine.Conclusion.Recommendation;
import bvb.engine.Conclusion.Verdict;
import bvb.engine.Decision;
import bvb.engine.Reconcile;
import bvb.tco.TcoComparison;
import bvb.tco.TcoResult;
import bvb.whatif.RankedSteps;
import bvb.whatif.WhatIf;
import bvb.whatif.WhatIf.Effect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The top of every report, read top down: the recommendation in plain words, the confidence and
 * why, the three strongest reasons, the cost headline, the decisive next steps and the tipping
 * point. Text, Markdown and HTML render the same summary.
 */
public record Summary(
    String recommendation,
    String confidence,
    String documents,
    List<String> reasons,
    String cost,
    List<RankedSteps.Step> steps,
    String tippingPoint,
    int moreSteps,
    List<String> derived) {

  /** At most this many next steps in the summary. */
  public static final int MAX_STEPS = 5;
  /** Longer rule texts are cut in the summary (the details keep them whole). */
  static final int MAX_TEXT = 220;

  public static Summary of(Decision d) {
    Recommendation r = d.recommendation();
    String rec = r.decided() ? Names.withCode(d.strategy()) : "No recommendation (NONE): hard constraints exclude each other";
    String conf = d.confidence() + ": " + meaning(r) + " (" + r.path() + ")";
    List<bvb.engine.Doc> split = r.supporting().stream().filter(r.dissenting()::contains).toList();
    List<bvb.engine.Doc> pro = r.supporting().stream().filter(x -> !split.contains(x)).toList();
    List<bvb.engine.Doc> contra = r.dissenting().stream().filter(x -> !split.contains(x)).toList();
    String docs = r.decided()
        ? "Supported by " + Reconcile.names(pro)
            + (contra.isEmpty() ? "; no document dissents" : "; dissent from " + Reconcile.names(contra))
            + (split.isEmpty() ? "." : "; split within " + Reconcile.names(split) + ".")
        : "Hard constraints exclude each other: the decision goes to its owner.";
    List<RankedSteps.Step> ranked = RankedSteps.of(d);
    List<RankedSteps.Step> shown = new ArrayList<>();
    for (RankedSteps.Step s : ranked) {
      if (shown.size() < MAX_STEPS && (s.effect() == Effect.DECISIVE || shown.size() < 3)) {
        shown.add(s);
      }
    }
    return new Summary(rec, conf, docs, reasons(d), cost(d), List.copyOf(shown), tipping(d.whatIf(), d),
        ranked.size() - shown.size(), d.derivedFacts());
  }

  /** What each confidence means, as docs/reconciliation.md states it. */
  static String meaning(Recommendation r) {
    if (!r.decided()) {
      return "no recommendation";
    }
    return switch (r.resolution()) {
      case "R0" -> "the question's own gate answers it";
      case "R1" -> r.confidence() == Confidence.LOW ? "a hard constraint applies until a decisive fact is known" : "a hard constraint decides";
      case "R2" -> "the documents agree";
      case "RULE" -> "stated by rule " + r.ruleId();
      case "R3" -> r.confidence() == Confidence.LOW ? "settled by cost, on an incomplete self-hosted estimate" : "settled by cost";
      default -> "the documents disagree and nothing is priced";
    };
  }

  /** The strongest verdicts for the recommended strategy, then for its family, then the reasons for it. */
  static List<String> reasons(Decision d) {
    List<String> out = new ArrayList<>();
    List<Verdict> vs = new ArrayList<>(d.verdicts());
    vs.sort(Comparator.comparing((Verdict v) -> v.strategy() == d.strategy() ? 0 : 1).thenComparing(Verdict::strength));
    for (Verdict v : vs) {
      if (out.size() < 3 && v.strategy().family() == d.strategy().family()) {
        add(out, v.ruleId() + " (" + v.doc().shortName() + ", " + v.strength() + "): " + v.text());
      }
    }
    for (Reason r : d.reasons()) {
      if (out.size() < 3 && r.favours() && r.strategy() == d.strategy()) {
        add(out, r.ruleId() + " (" + bvb.engine.Doc.ofSource(r.source()).shortName() + "): " + r.text());
      }
    }
    if (out.isEmpty()) {
      add(out, d.recommendation().text());
    }
    return List.copyOf(out);
  }

  private static void add(List<String> out, String line) {
    String l = cut(line);
    if (!out.contains(l)) {
      out.add(l);
    }
  }

  static String cut(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
  }

  /** "API_FRONTIER $86,200 against SELF_HOST_FINE_TUNED $441,000 ($573,300 buffered) over 12 months: self-hosting costs 412 % more". */
  static String cost(Decision d) {
    if (d.tco() == null || d.tco().comparisons().isEmpty()) {
      return null;
    }
    TcoComparison best = d.tco().comparisons().stream()
        .min(Comparator.comparing(TcoComparison::apiTotalUsd).thenComparing(TcoComparison::selfHostBufferedTotalUsd))
        .orElseThrow();
    double apiMin = best.apiTotalUsd();
    TcoComparison c = d.tco().comparisons().stream().filter(x -> x.apiTotalUsd() == apiMin)
        .min(Comparator.comparing(TcoComparison::selfHostBufferedTotalUsd)).orElse(best);
    String saving = c.savingsPct() >= 0
        ? String.format("self-hosting saves %.0f %% (%.0f %% after the buffer)", c.savingsPct(), c.savingsPctBuffered())
        : String.format("self-hosting costs %.0f %% more", -c.savingsPct());
    List<String> others = new ArrayList<>();
    for (TcoResult t : d.tco().results().values()) {
      if (t.strategy() != c.apiStrategy() && t.strategy() != c.selfHostStrategy()) {
        others.add(t.strategy() + " " + usd(t.horizonTotalUsd()));
      }
    }
    return String.format("%s %s against %s %s (%s buffered) over %d months: %s%s", c.apiStrategy(), usd(c.apiTotalUsd()),
        c.selfHostStrategy(), usd(c.selfHostTotalUsd()), usd(c.selfHostBufferedTotalUsd()), c.horizonMonths(), saving,
        others.isEmpty() ? "" : "; also " + String.join(", ", others));
  }

  static String usd(double v) {
    return String.format("$%,.0f", v);
  }

  static String tipping(WhatIf w, Decision d) {
    if (w == null) {
      return null;
    }
    if (w.tippingPoints().isEmpty()) {
      return "the recommendation stays " + d.strategy() + " from 1/1,000 to 1,000 times today's volume";
    }
    List<String> parts = new ArrayList<>();
    for (WhatIf.TippingPoint t : w.tippingPoints()) {
      String at = t.tokensPerMonth() == null ? String.format("%.2fx today's volume", t.factor())
          : String.format("%,d tokens/month", t.tokensPerMonth());
      if (t.requestsPerDay() != null) {
        at += String.format(" (%,d requests/day)", t.requestsPerDay());
      }
      parts.add((t.factor() < 1 ? "at or below about " : "at or above about ") + at + ": " + t.strategy() + " (" + t.confidence() + ")");
    }
    return String.join("; ", parts);
  }
}
