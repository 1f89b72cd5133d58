package bvb.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.audit.AuditLog;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher with a real daemon, in a temporary cache directory: the first command runs in-process
 * and starts it, later ones go through it with the same output, {@code daemon stop} ends it, and a
 * daemon killed during a batch is reported by the client with only whole audit records left.
 */
class DaemonIT {
  @TempDir Path cache;
  @TempDir Path tmp;

  record Proc(int code, String out, String err) {}

  private ProcessBuilder bvb(Map<String, String> env, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("target/bvb"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("CI");
    pb.environment().remove("BVB_NO_DAEMON");
    pb.environment().put("BVB_CACHE_DIR", cache.toString());
    pb.environment().putAll(env);
    return pb;
  }

  private Proc run(Map<String, String> env, String... args) throws Exception {
    Process p = bvb(env, args).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Proc(p.waitFor(), out, err);
  }

  private void awaitDaemon() throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < end) {
      if (run(Map.of(), "daemon", "status").out().contains("(this directory and bvb)")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no daemon came up within 120 s: " + run(Map.of(), "daemon", "status"));
  }

  @AfterEach
  void stopDaemons() throws Exception {
    run(Map.of(), "daemon", "stop");
  }

  @Test
  void firstCommandStartsTheDaemonLaterOnesGetTheSameOutputThroughItAndStopEndsIt() throws Exception {
    String[] decide = {"decide", "facts-samples/sc-04-company-a.json", "--format", "json"};
    Proc first = run(Map.of(), decide);
    assertEquals(0, first.code(), first.err());
    assertEquals("", first.err());
    awaitDaemon();
    Proc second = run(Map.of(), decide);
    assertEquals(first, second);
    Proc stopped = run(Map.of(), "daemon", "stop");
    assertTrue(stopped.out().startsWith("stopped bvb daemon pid "), stopped.out());
    assertTrue(run(Map.of(), "daemon", "status").out().startsWith("no bvb daemon running"));
    // --no-daemon runs in-process and starts none
    assertEquals(first, run(Map.of(), "decide", "--no-daemon", "facts-samples/sc-04-company-a.json", "--format", "json"));
    try (var files = Files.list(cache.resolve("daemon"))) {
      assertFalse(files.anyMatch(f -> f.toString().endsWith(".sock") || f.toString().endsWith(".pid")));
    }
  }

  @Test
  void aDaemonKilledDuringABatchIsReportedAndLeavesOnlyWholeAuditRecords() throws Exception {
    run(Map.of(), "schema");
    awaitDaemon();
    String status = run(Map.of(), "daemon", "status").out();
    long pid = Long.parseLong(status.substring("pid ".length(), status.indexOf(',')));
    Path audit = tmp.resolve("audit.jsonl");
    Process p = bvb(Map.of(), "batch", "-", "--audit", audit.toString()).start();
    String line = Files.readString(Path.of("facts-samples/sc-01-chatbot.json")).replace("\n", " ") + "\n";
    // a batch delivers a decision once the next line arrives: lines keep coming until the daemon is killed
    Thread feeder = new Thread(() -> {
      try (OutputStream in = p.getOutputStream()) {
        while (true) {
          in.write(line.getBytes(StandardCharsets.UTF_8));
          in.flush();
          Thread.sleep(20);
        }
      } catch (java.io.IOException | InterruptedException e) {
        // the client exited
      }
    });
    feeder.setDaemon(true);
    feeder.start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < end && (!Files.exists(audit) || Files.size(audit) < 10_000)) {
      Thread.sleep(20);
    }
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    feeder.interrupt();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor(), err);
    assertTrue(err.contains("bvb: the background bvb stopped during this command"), err);
    AuditLog.Scan scan = AuditLog.read(audit);
    assertTrue(scan.problems().isEmpty(), scan.problems().toString());
    assertTrue(scan.records().size() >= 1, "records: " + scan.records().size());
  }
}
