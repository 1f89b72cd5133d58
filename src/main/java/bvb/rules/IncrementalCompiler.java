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
    List<RuleFiles.Source> changed = new ArrayList<>();
    for (RuleFiles.Source s : files.sources()) {
      if (!packages.containsKey(key(s))) {
        changed.add(s);
      }
    }
    if (changed.size() < files.sources().size()) {
      RuleSet partial = compileChanged(files, changed);
      if (partial != null) {
        return partial;
      }
    }
    fullCompiles++;
    RuleCompiler.Compiled full = RuleCompiler.compileAll(files);
    remember(files, full.packages());
    return full.ruleSet();
  }

  /** The rule set from the kept packages plus the changed files compiled alone; null to compile everything. */
  private RuleSet compileChanged(RuleFiles files, List<RuleFiles.Source> changed) {
    RuleFiles subset = new RuleFiles(files.dir(), List.copyOf(changed), files.sha256());
    RuleCompiler.Compiled fresh;
    try {
      fresh = changed.isEmpty() ? null : RuleCompiler.compilePackages(subset);
    } catch (RulesException e) {
      if (selfContained(files)) {
        throw e;
      }
      return null;
    }
    try {
      InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase();
      List<InternalKnowledgePackage> all = new ArrayList<>();
      for (RuleFiles.Source s : files.sources()) {
        if (!changed.contains(s)) {
          all.add(read(packages.get(key(s))));
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
        remember(subset, fresh.packages());
      }
      return rules;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return null; // compiled in full instead, which reports any real error
    }
  }

  /** Keeps each file's package, when every package comes from exactly one file and no file has two. */
  private void remember(RuleFiles files, java.util.Collection<KiePackage> compiled) {
    Map<String, KiePackage> byFile = new HashMap<>();
    for (KiePackage p : compiled) {
      String file = null;
      for (Rule r : p.getRules()) {
        RuleImpl impl = (RuleImpl) r;
        String f = impl.getResource() == null ? null : impl.getResource().getSourcePath();
        if (f == null || (file != null && !file.equals(f))) {
          return; // a package spanning files, or without a source: nothing kept
        }
        file = f;
      }
      if (file != null && byFile.put(file, p) != null) {
        return; // a file with two packages
      }
    }
    try {
      for (RuleFiles.Source s : files.sources()) {
        KiePackage p = byFile.get(s.name());
        if (p != null) {
          packages.put(key(s), write(p));
        }
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

  private static byte[] write(KiePackage p) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DroolsObjectOutputStream oos = new DroolsObjectOutputStream(out)) {
      oos.writeObject(p);
    }
    return out.toByteArray();
  }

  private static InternalKnowledgePackage read(byte[] bytes) throws IOException, ClassNotFoundException {
    try (DroolsObjectInputStream ois =
        new DroolsObjectInputStream(new ByteArrayInputStream(bytes), IncrementalCompiler.class.getClassLoader())) {
      return (InternalKnowledgePackage) ois.readObject();
    }
  }

  /** A file's key: the rule-set hash of the file alone (its name, length and bytes). */
  private static String key(RuleFiles.Source s) {
    return RuleFiles.hash(List.of(s));
  }
}
