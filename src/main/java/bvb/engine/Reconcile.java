package bvb.engine;

import bvb.engine.Conclusion.Confidence;
import bvb.engine.Conclusion.Verdict;
import bvb.facts.Strategy;
import bvb.facts.Strategy.Family;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The arithmetic-free half of reconciliation that the rules of {@code 90-reconcile.drl} call once
 * they have chosen a path and a family: which strategy of that family, which rule decided, which
 * documents support and dissent. The rules say <em>when</em> a path applies; this class says
 * <em>what</em> it then recommends.
 */
public final class Reconcile {
  private Reconcile() {}

  /** What a reconciliation rule recommends. */
  public record Resolution(
      Strategy strategy,
      Confidence confidence,
      String resolution,
      String decidedBy,
      List<Doc> supporting,
      List<Doc> dissenting,
      String path,
      String text) {}

  /** The strategies that stand for a whole family when nothing more specific is supported. */
  static Strategy generic(Family f) {
    return switch (f) {
      case API -> Strategy.API_FRONTIER;
      case SELF_HOST -> Strategy.SELF_HOST_OPEN;
      case HYBRID -> Strategy.HYBRID_ROUTED;
      case CUSTOM -> Strategy.CUSTOM_TRAIN;
      case OTHER -> Strategy.NONE;
    };
  }

  static boolean isGeneric(Strategy s) {
    return s == Strategy.API_FRONTIER || s == Strategy.SELF_HOST_OPEN;
  }

  /**
   * Resolves within {@code family}: the cheapest priced strategy when two or more of the family
   * are priced; else the most specific strategy a verdict supports (strongest verdict first, then
   * the most documents, then the most verdicts); else the one priced strategy; else the family's
   * generic strategy.
   */
  public static Resolution within(Assessment a, Family family, String resolution, Confidence confidence, String why) {
    Strategy chosen = null;
    String basis;
    List<Strategy> priced = a.costs().keySet().stream().filter(s -> s.family() == family).toList();
    if (priced.size() >= 2) {
      chosen = priced.stream().min(Comparator.comparing(s -> a.costs().get(s))).orElseThrow();
      basis = String.format("the cheapest priced %s option ($%,.0f over the horizon%s)", family,
          a.costs().get(chosen), chosen.isSelfHost() ? ", buffered" : "");
    } else {
      Strategy specific = mostSpecific(a.verdicts(), family);
      if (specific != null) {
        chosen = specific;
        Verdict top = strongest(a.verdicts(), specific);
        basis = "the most specific " + family + " strategy a verdict supports (" + top.ruleId() + ", " + top.strength() + ")";
      } else if (priced.size() == 1) {
        chosen = priced.get(0);
        basis = "the one priced " + family + " option";
      } else {
        chosen = generic(family);
        basis = "no verdict names a more specific " + family + " strategy";
      }
    }
    return finish(a, chosen, resolution, confidence, why, basis);
  }

  /** A recommendation fixed by a gate or the cost winner, without choosing within the family. */
  public static Resolution exactly(Assessment a, Strategy s, String resolution, Confidence confidence, String why) {
    return finish(a, s, resolution, confidence, why, s + " itself");
  }

  /** No recommendation: hard constraints exclude each other (R1 conflict). */
  public static Resolution escalate(Assessment a) {
    String hard = a.verdicts().stream()
        .filter(v -> v.strength() == Strength.HARD)
        .map(v -> v.ruleId() + " requires " + v.strategy().family())
        .distinct()
        .collect(Collectors.joining("; "));
    String why = "hard constraints exclude each other (" + hard + (a.excludedFamilies().isEmpty() ? "" : "; ruled out: " + a.excludedFamilies()) + ")";
    return new Resolution(Strategy.NONE, Confidence.LOW, "R1", hardRule(a, null), List.of(), List.of(),
        "R1: " + why, "no recommendation: " + why + "; the decision owner must relax one of them");
  }

  private static Resolution finish(Assessment a, Strategy chosen, String resolution, Confidence confidence, String why, String basis) {
    Family f = chosen.family();
    List<Doc> supporting = new ArrayList<>();
    List<Doc> dissenting = new ArrayList<>();
    for (Map.Entry<Doc, Set<Family>> e : a.positions().entrySet()) {
      if (e.getValue().contains(f)) {
        supporting.add(e.getKey());
      }
      if (e.getValue().stream().anyMatch(x -> x != f)) {
        dissenting.add(e.getKey());
      }
    }
    String decidedBy = switch (resolution) {
      case "R1" -> hardRule(a, f);
      case "R3" -> "TCO-003";
      default -> {
        Verdict top = strongest(a.verdicts(), chosen);
        if (top == null) {
          top = a.verdicts().stream().filter(v -> v.strategy().family() == f)
              .min(Comparator.comparing(Verdict::strength)).orElse(null);
        }
        yield top == null ? null : top.ruleId();
      }
    };
    String path = resolution + ": " + why;
    String text = chosen + ": " + basis + "; supported by " + names(supporting)
        + (dissenting.isEmpty() ? "" : ", dissent from " + names(dissenting));
    return new Resolution(chosen, confidence, resolution, decidedBy, List.copyOf(supporting), List.copyOf(dissenting), path, text);
  }

  /** The first HARD verdict by rule id (of the family, when given); a provisional step-1 verdict otherwise. */
  private static String hardRule(Assessment a, Family f) {
    for (Verdict v : a.verdicts()) {
      if (v.strength() == Strength.HARD && (f == null || v.strategy().family() == f)) {
        return v.ruleId();
      }
    }
    for (Verdict v : a.verdicts()) {
      if (v.doc() == Doc.S004 && v.step() == 1) {
        return v.ruleId();
      }
    }
    return null;
  }

  static Strategy mostSpecific(List<Verdict> verdicts, Family family) {
    Set<Strategy> seen = EnumSet.noneOf(Strategy.class);
    for (Verdict v : verdicts) {
      if (v.strategy().family() == family && !isGeneric(v.strategy())) {
        seen.add(v.strategy());
      }
    }
    Comparator<Strategy> order = Comparator
        .comparing((Strategy s) -> strongest(verdicts, s).strength())
        .thenComparing(s -> -docs(verdicts, s))
        .thenComparing(s -> -count(verdicts, s))
        .thenComparing(Comparator.naturalOrder());
    return seen.stream().min(order).orElse(null);
  }

  static Verdict strongest(List<Verdict> verdicts, Strategy s) {
    return verdicts.stream().filter(v -> v.strategy() == s)
        .min(Comparator.comparing(Verdict::strength).thenComparing(Verdict::ruleId)).orElse(null);
  }

  private static long docs(List<Verdict> verdicts, Strategy s) {
    return verdicts.stream().filter(v -> v.strategy() == s).map(Verdict::doc).distinct().count();
  }

  private static long count(List<Verdict> verdicts, Strategy s) {
    return verdicts.stream().filter(v -> v.strategy() == s).count();
  }

  /** "000, 002 and 004" by the documents' short numbers. */
  public static String names(List<Doc> docs) {
    if (docs.isEmpty()) {
      return "no document";
    }
    List<String> n = docs.stream().map(Doc::shortName).toList();
    return n.size() == 1 ? n.get(0) : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
  }

  /**
   * The catalogue's contradiction id for an overruled verdict of this rule (catalogue §2.1), or
   * {@code OVERRULED} where the catalogue names none.
   */
  public static String conflictIdFor(String ruleId) {
    String family = ruleId.replaceAll("-.*", "");
    return switch (family) {
      case "SPEND" -> "C-01";
      case "TOK" -> "C-02";
      case "REQ" -> "C-03";
      case "DATA" -> "C-04";
      case "TREE" -> ruleId.startsWith("TREE-001") || ruleId.startsWith("TREE-003") ? "C-04" : null;
      case "FT", "FTDATA" -> "C-06";
      case "TEAM", "MATRIX" -> ruleId.startsWith("MATRIX-007") ? "C-14" : "C-08";
      case "TRAIN" -> "C-13";
      case "LAT" -> "C-14";
      case "CUST", "RAG", "ACC" -> "C-15";
      case "TIER" -> "C-17";
      case "ROUTE" -> "C-18";
      default -> "OVERRULED";
    };
  }
}
