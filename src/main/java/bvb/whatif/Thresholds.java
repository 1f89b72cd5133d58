package bvb.whatif;

import bvb.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The constant bounds the rules test each numeric fact against ({@code tokensPerMonth >= 100_000_000},
 * {@code 70 < expectedGpuUtilizationPct}), read from the rule files of a rule set once per rule-set
 * hash. Only where to look for a change: every counterfactual is decided by the rules themselves.
 */
final class Thresholds {
  private static final String NUM = "(-?[0-9][0-9_]*(?:\\.[0-9]+)?(?:[eE][0-9]+)?)[lLdD]?";
  private static final Pattern FIELD_FIRST = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\s*(?:<=|>=|<|>|==)\\s*" + NUM + "(?![A-Za-z0-9_.])");
  private static final Pattern NUMBER_FIRST = Pattern.compile("(?<![A-Za-z0-9_.])" + NUM + "\\s*(?:<=|>=|<|>|==)\\s*([a-z][A-Za-z0-9]*)\\b");
  private static final Map<String, Thresholds> CACHE = new ConcurrentHashMap<>();

  private static final Pattern RULE_START = Pattern.compile("(?m)^rule\\s");
  private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\s*$");
  private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\s*$");
  private static final Pattern WORD = Pattern.compile("\\b[a-z][A-Za-z0-9]*\\b");
  /** What a consequence inserts that can move the recommendation or its confidence. */
  private static final List<String> DECISIVE_INSERTS = List.of(
      "Conclude.verdict", "Conclude.exclude", "Conclude.recommend", "insert(new", "GPU_ONLY_ESTIMATE",
      "ENGINEERING_POSSIBLY_UNDERESTIMATED");

  private final Map<String, TreeSet<Double>> byField;
  private final java.util.Set<String> decisionWords;

  private Thresholds(Map<String, TreeSet<Double>> byField, java.util.Set<String> decisionWords) {
    this.byField = byField;
    this.decisionWords = decisionWords;
  }

  /**
   * Whether some rule that can move the recommendation (it inserts a verdict, an exclusion, a
   * derived fact or a cost warning the reconciliation reads) names this field in its conditions.
   * A field no such rule reads cannot change the strategy or the confidence.
   */
  boolean canDecide(String field) {
    return decisionWords == null || decisionWords.contains(field);
  }

  static Thresholds of(RuleSet rules) {
    return CACHE.computeIfAbsent(rules.sha256() + "@" + rules.dir(), k -> read(rules.dir()));
  }

  /** The thresholds tested against a field of this name, ascending. */
  List<Double> of(String field) {
    TreeSet<Double> t = byField.get(field);
    return t == null ? List.of() : new ArrayList<>(t);
  }

  static Thresholds read(String dir) {
    Map<String, TreeSet<Double>> out = new ConcurrentHashMap<>();
    java.util.Set<String> words = new java.util.HashSet<>();
    if (dir == null) {
      return new Thresholds(out, null);
    }
    try {
      // every rule file as DRL: a decision table as the DRL it compiles to
      for (String drl : bvb.rules.RuleFiles.read(Path.of(dir)).drlByName().values()) {
        scan(drl, out);
        decisionWords(drl, words);
      }
    } catch (RuntimeException e) {
      return new Thresholds(out, null); // unread: every field may decide
    }
    return new Thresholds(out, words);
  }

  /** The identifiers in the conditions of every rule whose consequence can move the recommendation. */
  static void decisionWords(String drl, java.util.Set<String> out) {
    // each rule runs from its "rule" line to the next one; "when" and "then" stand on lines of their own
    String[] rules = RULE_START.split(drl.replaceAll("//[^\n]*", ""));
    for (String rule : rules) {
      Matcher when = WHEN.matcher(rule);
      Matcher then = THEN.matcher(rule);
      if (!when.find() || !then.find(when.end())) {
        continue;
      }
      String rhs = rule.substring(then.end());
      if (DECISIVE_INSERTS.stream().anyMatch(rhs::contains)) {
        Matcher w = WORD.matcher(rule.substring(when.end(), then.start()));
        while (w.find()) {
          out.add(w.group());
        }
      }
    }
  }

  static void scan(String drl, Map<String, TreeSet<Double>> out) {
    for (String line : drl.split("\n")) {
      String code = line.replaceAll("//.*", "");
      Matcher a = FIELD_FIRST.matcher(code);
      while (a.find()) {
        add(out, a.group(1), a.group(2));
      }
      Matcher b = NUMBER_FIRST.matcher(code);
      while (b.find()) {
        add(out, b.group(2), b.group(1));
      }
    }
  }

  private static void add(Map<String, TreeSet<Double>> out, String field, String number) {
    try {
      out.computeIfAbsent(field, k -> new TreeSet<>()).add(Double.parseDouble(number.replace("_", "")));
    } catch (NumberFormatException e) {
      // not a number after all
    }
  }
}
