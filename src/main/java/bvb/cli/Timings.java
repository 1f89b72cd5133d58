package bvb.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a short command's wall time goes, printed on stderr when BVB_TIMINGS is set (to anything):
 * milliseconds since the JVM started at each step.
 */
final class Timings {
  private static final boolean ON = System.getenv("BVB_TIMINGS") != null;
  private static final List<String> MARKS = new ArrayList<>();
  private static long origin;

  private Timings() {}

  static synchronized void mark(String step) {
    if (ON) {
      long now = System.nanoTime();
      if (MARKS.isEmpty()) { // the JVM's start, read once: the management classes cost a few ms to load
        long sinceStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        origin = System.nanoTime() - sinceStart * 1_000_000L;
      }
      MARKS.add(String.format(Locale.ROOT, "%6d ms  %s", (now - origin) / 1_000_000L, step));
    }
  }

  static synchronized void print(PrintStream err) {
    if (ON) {
      err.println("bvb timings (since the JVM started):");
      MARKS.forEach(err::println);
    }
  }
}
