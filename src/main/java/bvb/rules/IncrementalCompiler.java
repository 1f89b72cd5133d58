package bvb.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles a rule set again after some of its files changed, compiling only those files: a server
 * reloading after an edit to one file compiles that file (a fraction of a second) instead of every
 * file (seconds). It keeps each file's compiled package, serialized, keyed by the file's name and
 * bytes. It applies only while every file holds its own package; otherwise it compiles everything.
 * Errors from compiling the changed files alone are reported as they are when no file declares
 * anything another file could use (functions, queries, globals, declared types); otherwise the
 * whole rule set is compiled to find out, so errors are always those a full compile reports.
 */
public final class IncrementalCompiler implements Function<RuleFiles, RuleSet> {
  private final Map<String, byte[]> packages = new HashMap<>();
  /** Full compiles so far (for tests: an edit to one file should not need one). */
  int fullCompiles;

  @Override
  public synchronized RuleSet apply(RuleFiles files) {
    List<List<RuleFiles.Source>> units = units(files);
    List<List<RuleFiles.Source>> changed = units.stream().filter(u -> !packages.containsKey(key(u))).toList();
    if (changed.size() < units.size()) {
      RuleSet partial = compileChanged(files, units, changed);
      if (partial != null) {
        return partial;
      }
    }
    fullCompiles++;
    RuleCompiler.Compiled full = RuleCompiler.compileAll(files);
    remember(units, full.packages());
    return full.ruleSet();
  }

  /**
   * The files compiled together: each file alone, except a table and the DRL file it loads in,
   * which number their rules together and share a package.
   */
  private static List<List<RuleFiles.Source>> units(RuleFiles files) {
    Map<String, List<String>> links = LoadOrder.links(files);
    List<List<RuleFiles.Source>> units = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (RuleFiles.Source s : files.sources()) {
      if (seen.add(s.name())) {
        java.util.Set<String> names = new java.util.HashSet<>(List.of(s.name()));
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(s.name()));
        while (!todo.isEmpty()) {
          for (String other : links.getOrDefault(todo.pop(), List.of())) {
            if (names.add(other)) {
              todo.push(other);
              seen.add(other);
            }
          }
        }
        units.add(files.sources().stream().filter(x -> names.contains(x.name())).toList());
      }
    }
    return units;
  }

  /** The rule set from the kept packages plus the changed files compiled alone; null to compile everything. */
  private RuleSet compileChanged(RuleFiles files, List<List<RuleFiles.Source>> units, List<List<RuleFiles.Source>> changed) {
    List<RuleFiles.Source> sources = changed.stream().flatMap(List::stream).toList();
    RuleFiles subset = new RuleFiles(files.dir(), sources, files.sha256());
    RuleCompiler.Compiled fresh;
    try {
      fresh = sources.isEmpty() ? null : RuleCompiler.compilePackages(subset, files);
    } catch (RulesException e) {
      if (selfContained(files)) {
        throw e;
      }
      return null;
    }
    try {
      InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase();
      List<InternalKnowledgePackage> all = new ArrayList<>();
      for (List<RuleFiles.Source> u : units) {
        if (!changed.contains(u)) {
          all.addAll(read(packages.get(key(u))));
        }
      }
      if (fresh != null) {
        for (KiePackage p : fresh.packages()) {
          all.add((InternalKnowledgePackage) p); // as KnowledgeBuilder.newKieBase() adds them
        }
      }
      kbase.addPackages(all);
      RuleSet rules = RuleCompiler.checked(files, kbase);
      if (fresh != null) {
        remember(changed, fresh.packages());
      }
      return rules;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return null; // compiled in full instead, which reports any real error
    }
  }

  /** Keeps each unit's packages, when every package comes from the files of exactly one unit. */
  private void remember(List<List<RuleFiles.Source>> units, java.util.Collection<KiePackage> compiled) {
    Map<String, List<RuleFiles.Source>> unitOf = new HashMap<>();
    units.forEach(u -> u.forEach(s -> unitOf.put(s.name(), u)));
    Map<List<RuleFiles.Source>, List<KiePackage>> byUnit = new HashMap<>();
    for (KiePackage p : compiled) {
      List<RuleFiles.Source> unit = null;
      for (Rule r : p.getRules()) {
        RuleImpl impl = (RuleImpl) r;
        String f = impl.getResource() == null ? null : impl.getResource().getSourcePath();
        List<RuleFiles.Source> u = f == null ? null : unitOf.get(f);
        if (u == null || (unit != null && unit != u)) {
          return; // a package spanning units, or without a source: nothing kept
        }
        unit = u;
      }
      if (unit != null) {
        byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(p);
      }
    }
    try {
      for (var e : byUnit.entrySet()) {
        packages.put(key(e.getKey()), write(e.getValue()));
      }
    } catch (IOException e) {
      // nothing kept for the rest: they compile again next time
    }
  }

  private static final java.util.regex.Pattern SHARED_DECLARATION =
      java.util.regex.Pattern.compile("(?m)^\\s*(function|query|global|declare)\\b");

  /** No file declares what another could use: a file's compile errors are its own. */
  private static boolean selfContained(RuleFiles files) {
    for (RuleFiles.Source s : files.sources()) {
      if (SHARED_DECLARATION.matcher(new String(s.bytes(), StandardCharsets.UTF_8)).find()) {
        return false;
      }
    }
    return true;
  }

  private static byte[] write(List<KiePackage> p) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DroolsObjectOutputStream oos = new DroolsObjectOutputStream(out)) {
      oos.writeObject(new ArrayList<>(p));
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static List<InternalKnowledgePackage> read(byte[] bytes) throws IOException, ClassNotFoundException {
    try (DroolsObjectInputStream ois =
        new DroolsObjectInputStream(new ByteArrayInputStream(bytes), IncrementalCompiler.class.getClassLoader())) {
      return (List<InternalKnowledgePackage>) ois.readObject();
    }
  }

  /** A unit's key: the rule-set hash of its files alone (their names, lengths and bytes). */
  private static String key(List<RuleFiles.Source> unit) {
    return RuleFiles.hash(unit);
  }
}
