package bvb.bench;

import bvb.client.Daemons;
import bvb.client.Place;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The resident bvb's figures, each against what it replaces: a decide through a warm daemon paired
 * with the JVM floor, the first decide (which runs in-process and starts the daemon), {@code bvb
 * test} after a one-file rule edit through the daemon, and the daemon's resident memory. It runs its
 * own daemon in a temporary cache directory and stops it.
 */
public final class DaemonBench {
  private final String java;
  private final Path jar;
  private final Path rulesDir;
  private final Path sample;
  private final Path samplesDir;
  private final PrintWriter out;

  public DaemonBench(String java, Path jar, Path rulesDir, Path samplesDir, Path sample, PrintWriter out) {
    this.java = java;
    this.jar = jar;
    this.rulesDir = rulesDir;
    this.samplesDir = samplesDir;
    this.sample = sample;
    this.out = out;
  }

  /** The client command line, with the launcher's flags for short commands. */
  private List<String> client(String... args) {
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xshare:auto", "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData"));
    Path jsa = jar.resolveSibling("bvb.jsa");
    if (Files.isRegularFile(jsa)) {
      cmd.add("-XX:SharedArchiveFile=" + jsa);
    }
    cmd.addAll(List.of("-cp", jar.toString(), "bvb.client.Client"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private double once(Path cache, List<String> cmd) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("BVB_CACHE_DIR", cache.toString());
    pb.environment().remove("BVB_NO_DAEMON");
    int code = pb.start().waitFor();
    if (code != 0 && code != 6) {
      throw new IllegalStateException("benchmark command failed with exit " + code + ": " + cmd);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /** Runs the daemon measurements; {@code runs} paired runs each. */
  public void run(int runs, List<String> floor) throws Exception {
    Path cache = Files.createTempDirectory("bvb-bench-daemon");
    Path copy = Files.createTempDirectory("bvb-bench-rules");
    Path cwd = Path.of("").toAbsolutePath();
    Place place = Place.in(cache, cwd);
    try {
      String s = sample.toString();
      double first = once(cache, client("decide", s, "--rules", rulesDir.toString()));
      long t0 = System.nanoTime();
      awaitSocket(place, 300);
      out.printf(Locale.ROOT, "daemon: first decide (in-process, then starts the daemon) %.0f ms; daemon ready %.1f s later%n",
          first, (System.nanoTime() - t0) / 1e9);
      out.flush();
      double[] viaDaemon = new double[runs];
      double[] plain = new double[runs];
      double[] jvmFloor = new double[runs];
      for (int i = 0; i < runs; i++) { // paired: the floor and the decides one after the other, same machine state
        jvmFloor[i] = once(cache, floor);
        plain[i] = once(cache, client("decide", s, "--rules", rulesDir.toString(), "--no-what-if"));
        viaDaemon[i] = once(cache, client("decide", s, "--rules", rulesDir.toString()));
      }
      out.printf(Locale.ROOT, "daemon: decide %s --no-what-if through the warm daemon: median %.0f ms of %d runs; JVM floor %.0f ms (paired); ratio %.2fx%n",
          sample.getFileName(), median(plain), runs, median(jvmFloor), median(plain) / median(jvmFloor));
      out.printf(Locale.ROOT, "daemon: decide %s (with counterfactuals, the default) through the warm daemon: median %.0f ms; ratio %.2fx the floor%n",
          sample.getFileName(), median(viaDaemon), median(viaDaemon) / median(jvmFloor));
      out.flush();
      copyRules(copy);
      Path edited = firstDrl(copy);
      once(cache, client("test", "--rules", copy.toString(), "--samples", samplesDir.toString()));
      double[] afterEdit = new double[runs];
      for (int i = 0; i < runs; i++) {
        Files.writeString(edited, Files.readString(edited) + "\n// bench edit " + System.nanoTime() + "\n");
        afterEdit[i] = once(cache, client("test", "--rules", copy.toString(), "--samples", samplesDir.toString()));
      }
      out.printf(Locale.ROOT, "daemon: bvb test after a one-file rule edit (%s): median %.0f ms of %d edits%n",
          edited.getFileName(), median(afterEdit), runs);
      Thread.sleep(5000); // idle: after 2-3 s the daemon collects and hands back the heap and C heap it grew
      long pid = pid(place);
      out.printf(Locale.ROOT, "daemon: resident memory with two rules directories compiled: RSS %s (pid %d)%n", Daemons.rss(pid), pid);
      out.flush();
    } finally {
      Daemons.stop(cache, new PrintWriter(Writer.nullWriter()));
      delete(copy);
      delete(cache);
    }
  }

  private static long pid(Place place) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newInputStream(place.info())) {
      p.load(in);
    }
    return Long.parseLong(p.getProperty("pid"));
  }

  private static void awaitSocket(Place place, int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!(Files.exists(place.socket()) && Files.exists(place.info())) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    if (!Files.exists(place.socket())) {
      throw new IllegalStateException("the daemon did not start within " + seconds + " s; see " + place.log());
    }
  }

  private void copyRules(Path copy) throws IOException {
    try (var files = Files.list(rulesDir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.copy(p, copy.resolve(p.getFileName()));
      }
    }
  }

  private static Path firstDrl(Path dir) throws IOException {
    try (var drl = Files.list(dir)) {
      return drl.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
    }
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
