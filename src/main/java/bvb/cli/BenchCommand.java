package bvb.cli;

import bvb.bench.Bench;
import bvb.bench.Floor;
import bvb.scenario.Samples;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bvb bench}: prints bvb's speed and memory figures on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark: cold decide (median of process runs) next to the JVM floor, batch decisions/s on 1 and 2 threads"
        + " with the full rule set and TCO, the calculator alone, and the heap of a batch over many fact sets.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--samples", paramLabel = "DIR", defaultValue = "facts-samples", description = "Fact sets to cycle through (default: ${DEFAULT-VALUE}).")
  Path samplesDir;

  @Option(names = "--runs", defaultValue = "5", description = "Process runs for the cold-start median (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--decisions", defaultValue = "100000", description = "Decisions per batch throughput run (default: ${DEFAULT-VALUE}).")
  int decisions;

  @Option(names = "--heap-sets", defaultValue = "1000000", description = "Fact sets in the heap run; 0 skips it (default: ${DEFAULT-VALUE}).")
  long heapSets;

  @Option(names = "--launcher", paramLabel = "CMD", description = "Command that starts bvb for the cold run (default: java -jar <this jar>).")
  String launcher;

  @Option(names = "--daemon-runs", defaultValue = "5",
      description = "Paired runs timing decide and test through a resident bvb of its own, in a temporary cache directory (default: ${DEFAULT-VALUE}; 0 skips them).")
  int daemonRuns;

  /** The CPU's model name from /proc/cpuinfo, or the architecture where there is none. */
  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  /** Copies the rules, edits one file (a unique comment), and times decide three times on the copy. */
  private String editRerun(List<String> cold, Path sample, int runs) throws Exception {
    Path copy = Files.createTempDirectory("bvb-bench-rules");
    try {
      return editRerun(cold, copy);
    } finally {
      try (var files = Files.walk(copy)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private String editRerun(List<String> cold, Path copy) throws Exception {
    try (var files = Files.list(common.rulesDir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.copy(p, copy.resolve(p.getFileName()));
      }
    }
    try (var drl = Files.list(copy)) {
      Path edited = drl.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
      Files.writeString(edited, Files.readString(edited) + "\n// bench edit " + System.nanoTime() + "\n");
    }
    List<String> cmd = new ArrayList<>(cold.subList(0, cold.indexOf("--rules") + 1));
    cmd.add(copy.toString());
    StringBuilder sb = new StringBuilder("edit one rule file, then decide three times:");
    for (int i = 0; i < 3; i++) {
      sb.append(String.format(Locale.ROOT, " %.0f ms", Bench.medianProcessMillis(cmd, 1)));
      sb.append(i == 0 ? " (recompiles)," : i == 1 ? " (cache)," : " (cache)");
    }
    return sb.toString();
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<byte[]> samples = new ArrayList<>();
    for (Path p : Samples.list(samplesDir)) {
      samples.add(Files.readAllBytes(p));
    }
    Bench bench = new Bench(common.engine(), samples, out);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    Path sample = Samples.list(samplesDir).get(0);
    out.printf(Locale.ROOT, "bvb %s bench on %s, %d cores, %s, Java %s%n", Versions.bvb(), cpuModel(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), Runtime.version());
    List<String> cold = new ArrayList<>(launcher == null ? List.of(java, "-jar", jar) : List.of(launcher.split(" ")));
    cold.addAll(List.of("decide", sample.toString(), "--rules", common.rulesDir.toString()));
    List<String> plain = new ArrayList<>(cold);
    plain.add("--no-what-if");
    // interleaved, so both see the same machine: one decision, and the default decide with counterfactuals
    double[] plainMs = new double[runs];
    double[] whatIfMs = new double[runs];
    for (int i = 0; i < runs; i++) {
      plainMs[i] = Bench.medianProcessMillis(plain, 1);
      whatIfMs[i] = Bench.medianProcessMillis(cold, 1);
    }
    Arrays.sort(plainMs);
    Arrays.sort(whatIfMs);
    double coldMs = plainMs[runs / 2];
    double floorMs = Bench.medianProcessMillis(List.of(java, "-cp", jar, Floor.class.getName()), runs);
    out.printf(Locale.ROOT, "cold decide --no-what-if (%s): median %.0f ms of %d runs; JVM floor %.0f ms; ratio %.1fx%n",
        sample.getFileName(), coldMs, runs, floorMs, coldMs / floorMs);
    out.printf(Locale.ROOT, "cold decide with counterfactuals (the default): median %.0f ms of %d runs, %.2fx the decision alone%n",
        whatIfMs[runs / 2], runs, whatIfMs[runs / 2] / coldMs);
    out.flush();
    out.println(editRerun(cold, sample, runs));
    out.flush();
    if (daemonRuns > 0) {
      new bvb.bench.DaemonBench(java, Path.of(jar), common.rulesDir, samplesDir, sample, out)
          .run(daemonRuns, List.of(java, "-cp", jar, Floor.class.getName()));
    }
    bench.batchPerSecond(2, Math.min(decisions, 20000)); // warm-up
    for (int threads : new int[] {1, 2}) {
      out.printf(Locale.ROOT, "batch, %d thread(s): %,.0f decisions/s (%,d decisions, parse + TCO + rules + summary)%n",
          threads, bench.batchPerSecond(threads, decisions), decisions);
      out.flush();
    }
    out.printf(Locale.ROOT, "calculator alone, 1 thread: %,.0f TCO computations/s%n", bench.calculatorPerSecond(2.0));
    out.flush();
    if (heapSets > 0) {
      out.println(HeapRun.run(java, jar, common.rulesDir, bench, heapSets));
    }
    out.flush();
    return ExitCode.OK.code;
  }
}
