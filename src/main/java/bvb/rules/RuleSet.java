package bvb.rules;

import java.util.List;
import org.kie.api.KieBase;

/** A compiled, convention-checked rule set: the rule base plus what the audit needs to know of it. */
public record RuleSet(KieBase kieBase, List<RuleInfo> rules, String sha256, String dir) {

  /** Reads and compiles every {@code *.drl} in {@code dir}; throws {@link RulesException} listing all errors. */
  public static RuleSet load(java.nio.file.Path dir) {
    return RuleCompiler.compile(RuleFiles.read(dir));
  }

  /**
   * Like {@link #load(java.nio.file.Path)}, reusing a compiled copy from {@code cacheDir} when the
   * rule files are byte-for-byte unchanged; {@code versions} (bvb and Drools) is part of the key.
   */
  public static RuleSet load(java.nio.file.Path dir, java.nio.file.Path cacheDir, String versions) {
    return RuleCompiler.compile(RuleFiles.read(dir), new RuleCache(cacheDir, versions));
  }

  /** Compiles rule files already read (their hash becomes the rule set's); throws {@link RulesException}. */
  public static RuleSet compile(RuleFiles files) {
    return RuleCompiler.compile(files);
  }

  public RuleInfo rule(String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
  }
}
