package bvb.rules;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled rule sets kept in memory (by a daemon, or by {@code --watch}), one per rules directory
 * asked for: each use reads
 * the directory's files (a few milliseconds) and reuses the compiled set while their hash is the
 * same; after an edit only the changed files are compiled ({@link IncrementalCompiler}). A directory
 * that stops compiling throws as it would in-process and replaces nothing that is kept.
 */
public final class KeptRuleSets implements java.util.function.Function<Path, RuleSet> {
  private final Map<String, Entry> byDir = new ConcurrentHashMap<>();

  /** One directory's compiler and its last good rule set. */
  private static final class Entry {
    final IncrementalCompiler compiler = new IncrementalCompiler();
    String sha256;
    RuleSet rules;
  }

  @Override
  public RuleSet apply(Path dir) {
    RuleFiles files = RuleFiles.read(dir);
    // keyed by the path as given too: rule files are named in errors and output as the user wrote them
    Entry e = byDir.computeIfAbsent(dir.toAbsolutePath().normalize() + "\0" + dir, k -> new Entry());
    synchronized (e) {
      if (!files.sha256().equals(e.sha256)) {
        RuleSet compiled = e.compiler.apply(files);
        e.sha256 = files.sha256();
        e.rules = compiled;
      }
      return e.rules;
    }
  }

  /** Rules directories kept. */
  public int size() {
    return byDir.size();
  }
}
