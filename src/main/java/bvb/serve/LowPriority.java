package bvb.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Lowers the calling thread's CPU priority (Linux: nice 19 on that thread alone). */
final class LowPriority {
  private LowPriority() {}

  /** Returns what it did, for the log: "nice 19", or why it left the priority as it was. */
  static String lowerCurrentThread() {
    Path self = Path.of("/proc/thread-self");
    if (!Files.exists(self)) {
      return "priority unchanged: no /proc/thread-self";
    }
    try {
      String tid = Files.readSymbolicLink(self).getFileName().toString();
      Process p = new ProcessBuilder("renice", "-n", "19", "-p", tid).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "priority unchanged: renice did not finish";
      }
      return p.exitValue() == 0 ? "nice 19" : "priority unchanged: renice: " + out;
    } catch (IOException e) {
      return "priority unchanged: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "priority unchanged: interrupted";
    }
  }
}
