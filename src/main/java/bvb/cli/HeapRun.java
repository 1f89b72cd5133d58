package bvb.cli;

import bvb.bench.Bench;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code bvb batch -} in a child JVM capped at 256 MB of heap and reads its GC log for the peak. */
final class HeapRun {
  private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private HeapRun() {}

  static String run(String java, String jar, Path rules, Bench bench, long sets) throws IOException, InterruptedException {
    Path log = Files.createTempFile("bvb-gc", ".log");
    List<String> cmd = List.of(java, "-Xmx256m", "-Xlog:gc:file=" + log + "::filecount=0", "-cp", jar, "bvb.cli.Main",
        "batch", "-", "--output", "summary", "--rules", rules.toString());
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long t0 = System.nanoTime();
    try (InputStream in = bench.jsonl(sets); OutputStream os = p.getOutputStream()) {
      in.transferTo(os);
    }
    int code = p.waitFor();
    double secs = (System.nanoTime() - t0) / 1e9;
    long maxBefore = 0;
    long maxAfter = 0;
    for (String line : Files.readAllLines(log)) {
      Matcher m = GC.matcher(line);
      if (m.find()) {
        maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
        maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
      }
    }
    Files.deleteIfExists(log);
    return String.format(Locale.ROOT,
        "heap, batch of %,d fact sets in a -Xmx256m JVM: %s in %.0f s; peak heap %d MB before GC, largest live set %d MB after GC",
        sets, code == 0 ? "completed" : "FAILED (exit " + code + ")", secs, maxBefore, maxAfter);
  }
}
