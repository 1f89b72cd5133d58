package bvb.rules;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.io.Resource;

/**
 * Where each rule loads. Within a phase Drools fires rules of equal salience in load order: a rule's
 * position in its file (rules of different files at the same position fire in the order they
 * matched). A table whose RuleTable cell says {@code loads in 11-token-volume.drl after REQ-001.U}
 * has its rows numbered as if they stood there in that file, and the file's later rules after them,
 * so rows split out of a DRL file fire exactly where they used to. Other tables' rows load after
 * every DRL rule, from position {@value #TABLES}.
 */
final class LoadOrder {
  static final int TABLES = 100_000;

  /** By file name, by rule name: the position of rules in files that tables load in, and of placed rows. */
  private final Map<String, Map<String, Integer>> positions = new HashMap<>();
  /** By table name, the DRL file it loads in. */
  private final Map<String, String> hosts = new HashMap<>();

  private LoadOrder() {}

  /** The placements of every table in {@code context}; a placement naming no file or rule is an error. */
  static LoadOrder of(RuleFiles context, List<RuleError> errors) {
    LoadOrder order = new LoadOrder();
    Map<String, List<Translation.Placement>> byTarget = new LinkedHashMap<>();
    Map<Translation.Placement, String> tableOf = new HashMap<>();
    for (RuleFiles.Source s : context.sources()) {
      if (s.isTable()) {
        try {
          for (Translation.Placement p : s.translate().placements()) {
            byTarget.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
            tableOf.put(p, s.name());
            order.hosts.put(s.name(), p.file());
          }
        } catch (RulesException e) {
          // reported when the table itself is compiled
        }
      }
    }
    for (var e : byTarget.entrySet()) {
      RuleFiles.Source target = context.sources().stream().filter(s -> s.name().equals(e.getKey())).findFirst().orElse(null);
      PackageDescr pkg = target == null || target.isTable() ? null : parse(new String(target.bytes(), StandardCharsets.UTF_8), null);
      if (target == null || target.isTable()) {
        e.getValue().forEach(p -> errors.add(error(context, tableOf.get(p), p, "no DRL file " + e.getKey() + " in the rules directory")));
        continue;
      }
      if (pkg == null) {
        continue; // its syntax errors are reported when it is compiled
      }
      for (Translation.Placement p : e.getValue()) {
        String pkgOfTable = packageOf(context, tableOf.get(p));
        if (pkgOfTable != null && !pkgOfTable.equals(pkg.getName())) {
          errors.add(error(context, tableOf.get(p), p, "a table that loads in " + e.getKey() + " shares its package: write RuleSet,"
              + pkg.getName() + " (not " + pkgOfTable + ")"));
        }
      }
      Map<String, Integer> drl = order.positions.computeIfAbsent(target.name(), k -> new HashMap<>());
      int[] next = {0};
      place(order, e.getValue(), null, tableOf, next);
      List<Translation.Placement> placed = new ArrayList<>(e.getValue().stream().filter(p -> p.after() == null).toList());
      for (RuleDescr r : pkg.getRules()) {
        drl.put(r.getName(), next[0]++);
        String id = BandLint.value(r, "id");
        placed.addAll(place(order, e.getValue(), id == null ? "" : id, tableOf, next));
      }
      for (Translation.Placement p : e.getValue()) {
        if (!placed.contains(p)) {
          errors.add(error(context, tableOf.get(p), p, "no rule with @id(\"" + p.after() + "\") in " + e.getKey()));
        }
      }
    }
    return order;
  }

  private static List<Translation.Placement> place(LoadOrder order, List<Translation.Placement> all, String after,
      Map<Translation.Placement, String> tableOf, int[] next) {
    List<Translation.Placement> placed = new ArrayList<>();
    for (Translation.Placement p : all) {
      if (after == null ? p.after() == null : after.equals(p.after())) {
        Map<String, Integer> rows = order.positions.computeIfAbsent(tableOf.get(p), k -> new HashMap<>());
        p.ruleNames().forEach(n -> rows.put(n, next[0]++));
        placed.add(p);
      }
    }
    return placed;
  }

  private static RuleError error(RuleFiles files, String table, Translation.Placement p, String message) {
    return new RuleError(files.display(table), p.row(), p.column(), "TABLE-011", message);
  }

  /**
   * The files in the order Drools gets them: by name, a table placed in a DRL file right after that
   * file. Drools builds its network in that order, and rules at the same position that match the
   * same fact fire in the order the network reaches them.
   */
  List<RuleFiles.Source> compileOrder(RuleFiles files) {
    List<RuleFiles.Source> out = new ArrayList<>();
    for (RuleFiles.Source s : files.sources()) {
      if (!hosts.containsKey(s.name())) {
        out.add(s);
        for (RuleFiles.Source t : files.sources()) {
          if (s.name().equals(hosts.get(t.name()))) {
            out.add(t);
          }
        }
      }
    }
    for (RuleFiles.Source t : files.sources()) {
      if (!out.contains(t)) {
        out.add(t); // placed in a file not being compiled now
      }
    }
    return out;
  }

  /** Whether a rule file's load order is not Drools' own (a table, or a DRL file a table loads in). */
  boolean governs(RuleFiles.Source s) {
    return s.isTable() || positions.containsKey(s.name());
  }

  /** The file parsed, each rule at its position; null if it does not parse (then compiled as DRL, to report why). */
  PackageDescr descr(RuleFiles.Source s, String drl, Resource resource) {
    PackageDescr pkg = parse(drl, resource);
    if (pkg == null) {
      return null;
    }
    Map<String, Integer> placed = positions.getOrDefault(s.name(), Map.of());
    for (RuleDescr r : pkg.getRules()) {
      Integer at = placed.get(r.getName());
      r.setLoadOrder(at != null ? at : s.isTable() ? TABLES + r.getLoadOrder() : r.getLoadOrder());
    }
    return pkg;
  }

  /** Tables and the DRL files they load in, each name to the names it must be compiled with. */
  static Map<String, List<String>> links(RuleFiles files) {
    Map<String, List<String>> out = new HashMap<>();
    for (RuleFiles.Source s : files.sources()) {
      if (s.isTable()) {
        try {
          for (Translation.Placement p : s.translate().placements()) {
            out.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(p.file());
            out.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(s.name());
          }
        } catch (RulesException e) {
          // a broken table compiles in full, which reports it
        }
      }
    }
    return out;
  }

  private static String packageOf(RuleFiles files, String table) {
    for (RuleFiles.Source s : files.sources()) {
      if (s.name().equals(table)) {
        PackageDescr pkg = parse(s.translate().drl(), null);
        return pkg == null ? null : pkg.getName();
      }
    }
    return null;
  }

  private static PackageDescr parse(String drl, Resource resource) {
    DrlParser parser = new DrlParser();
    try {
      PackageDescr pkg = resource == null ? parser.parse(false, drl) : parser.parse(resource, new StringReader(drl));
      return pkg == null || parser.hasErrors() ? null : pkg;
    } catch (DroolsParserException e) {
      return null;
    }
  }
}
