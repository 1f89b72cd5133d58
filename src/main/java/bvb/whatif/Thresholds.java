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

  private final Map<String, TreeSet<Double>> byField;

  private Thresholds(Map<String, TreeSet<Double>> byField) {
    this.byField = byField;
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
    if (dir == null) {
      return new Thresholds(out);
    }
    try (Stream<Path> files = Files.list(Path.of(dir))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
        scan(Files.readString(p), out);
      }
    } catch (IOException | RuntimeException e) {
      // no thresholds: numbers are then not varied; enums and answers still are
    }
    return new Thresholds(out);
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
