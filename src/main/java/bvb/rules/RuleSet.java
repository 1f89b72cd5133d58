package bvb.rules;

import java.util.List;
import org.kie.api.KieBase;

/** A compiled, convention-checked rule set: the rule base plus what the audit needs to know of it. */
public record RuleSet(KieBase kieBase, List<RuleInfo> rules, String sha256, String dir, Sessions sessions) {

  public RuleSet(KieBase kieBase, List<RuleInfo> rules, String sha256, String dir) {
    this(kieBase, rules, sha256, dir, new Sessions(kieBase));
  }

  /**
   * The rule base's pool of reusable Drools sessions, one for every engine over it. Drools keeps
   * each session it creates registered with its rule base until the session is disposed for good,
   * so a pool per engine (a resident bvb makes an engine per command) left its sessions behind for
   * as long as the rule base lived: four more per command.
   */
  public static final class Sessions {
    private final KieBase kieBase;
    private volatile org.kie.api.runtime.KieSessionsPool pool;

    Sessions(KieBase kieBase) {
      this.kieBase = kieBase;
    }

    public org.kie.api.runtime.KieSessionsPool pool() {
      org.kie.api.runtime.KieSessionsPool p = pool;
      if (p == null) {
        synchronized (this) {
          if (pool == null) {
            pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
          }
          p = pool;
        }
      }
      return p;
    }

    /** Puts a new pool in place of {@code broken} (one of whose sessions must never be used again); a no-op if already replaced. */
    public synchronized void replace(org.kie.api.runtime.KieSessionsPool broken) {
      if (pool == broken) {
        pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
      }
    }

    @Override
    public String toString() {
      return "sessions";
    }
  }

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
