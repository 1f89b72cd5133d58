package bvb.serve;

import bvb.rules.RuleFiles;
import bvb.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Compiles a changed rule set for the server in a separate, low-priority JVM ({@code nice -n 19
 * ... bvb validate}), which stores it in the compiled-rule cache, then loads it from there. A DRL
 * compile takes a core for seconds; in its own process at the lowest priority it uses what the
 * request threads leave, instead of competing with them (on 2 cores serving 1,000 requests/s, an
 * in-process compile made requests queue). Whatever goes wrong in the child (no {@code nice}, a
 * crash, a timeout) only means the rule set is compiled in this process as
 * before: the result, and any errors with their file and line, come from that compile.
 */
final class BackgroundCompiler implements Function<RuleFiles, RuleSet> {
  private static final long TIMEOUT_SECONDS = 300;

  private final Path cacheDir;
  private final String versions;
  private final PrintWriter err;

  BackgroundCompiler(Path cacheDir, String versions, PrintWriter err) {
    this.cacheDir = cacheDir;
    this.versions = versions;
    this.err = err;
  }

  @Override
  public RuleSet apply(RuleFiles files) {
    if (!RuleSet.isCached(files, cacheDir, versions)) {
      // The child compiles a copy of exactly the bytes read here: the directory may change meanwhile.
      Path copy = null;
      try {
        copy = Files.createTempDirectory("bvb-compile-");
        for (RuleFiles.Source s : files.sources()) {
          Files.write(copy.resolve(s.name()), s.bytes());
        }
        compileInChild(copy);
      } catch (IOException e) {
        // no copy, no child: compiled below
      } finally {
        delete(copy);
      }
    }
    return RuleSet.compile(files, cacheDir, versions);
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temp directory left behind
    }
  }

  private void compileInChild(Path rulesDir) {
    List<String> java = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:CICompilerCount=1",
        "-cp", System.getProperty("java.class.path"),
        "bvb.cli.Main", "validate", "--rules", rulesDir.toString()));
    List<String> niced = new ArrayList<>(List.of("nice", "-n", "19"));
    niced.addAll(java);
    Process p;
    try {
      p = start(niced);
    } catch (IOException noNice) {
      try {
        p = start(java);
      } catch (IOException e) {
        return;
      }
    }
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        err.println("warning: rule compile in a child process took over " + TIMEOUT_SECONDS + " s; compiling here");
        err.flush();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private Process start(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("BVB_CACHE_DIR", cacheDir.toString());
    return pb.start();
  }
}
