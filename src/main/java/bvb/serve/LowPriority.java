package bvb.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Lowers the calling thread's CPU priority (Linux: nice 19 on that thread alone). */
final class LowPriority {
  private LowPriority() {}

  /**
   * Returns what it did, for the log: "nice 19", or why it left the OS priority as it was. Where
   * there is no {@code /proc/thread-self} (not Linux) it sets the lowest Java priority instead,
   * which some systems map to the OS's.
   */
  static String lowerCurrentThread() {
    Path self = Path.of("/proc/thread-self");
    if (!Files.exists(self)) {
      Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
      return "Java priority " + Thread.MIN_PRIORITY + " (no /proc/thread-self, OS priority unchanged)";
    }
    Process p = null;
    try {
      String tid = Files.readSymbolicLink(self).getFileName().toString();
      p = new ProcessBuilder("renice", "-n", "19", "-p", tid).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        return "priority unchanged: renice did not finish in 5 s";
      }
      try (InputStream out = p.getInputStream()) {
        return p.exitValue() == 0 ? "nice 19" : "priority unchanged: renice: " + new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      return "priority unchanged: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "priority unchanged: interrupted";
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }
}
