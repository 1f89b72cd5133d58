package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.audit.AuditLog;
import bvb.audit.AuditRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar's {@code bvb serve} in its own JVM: it answers, and SIGTERM stops it cleanly. */
class ServeIT {
  @TempDir Path tmp;

  @Test
  void servesFromTheShadedJarAndStopsOnSigterm() throws Exception {
    Path audit = tmp.resolve("audit.jsonl");
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", "target/bvb.jar", "serve", "--port", "0", "--audit", audit.toString(), "--warmup", "50"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      // stderr is read on its own thread from the start: the JDK closes a process's pipe when it exits.
      java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
          err.lines().forEach(lines::add);
        } catch (Exception e) {
          lines.add("(stderr closed: " + e + ")");
        }
      });
      reader.start();
      // it listens first, alive but not ready, then loads and warms up the rules
      String line = lines.poll(60, TimeUnit.SECONDS);
      assertTrue(line != null && line.contains("listening on http://127.0.0.1:"), String.valueOf(line));
      String url = line.substring(line.indexOf("http://")).split(" ")[0];
      HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      assertEquals(200, c.send(HttpRequest.newBuilder(URI.create(url + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
      assertEquals(503, c.send(HttpRequest.newBuilder(URI.create(url + "/readyz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
      String warmed = lines.poll(60, TimeUnit.SECONDS);
      assertTrue(warmed != null && warmed.startsWith("bvb serve: warmed up: 50 decisions"), String.valueOf(warmed));
      String ready = lines.poll(60, TimeUnit.SECONDS);
      assertTrue(ready != null && ready.startsWith("bvb serve: ready (rule set "), String.valueOf(ready));
      assertEquals(200, c.send(HttpRequest.newBuilder(URI.create(url + "/readyz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
      // next the reloader says at what CPU priority it compiles and warms up reloads
      String reloader = lines.poll(30, TimeUnit.SECONDS);
      assertTrue(reloader != null && reloader.startsWith("bvb serve: rule reloader: "), String.valueOf(reloader));
      if (Files.exists(Path.of("/proc/thread-self")) && onPath("renice")) {
        assertEquals("bvb serve: rule reloader: nice 19", reloader);
      }
      HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url + "/v1/decisions"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofFile(Path.of("facts-samples/sc-06-company-c.json"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      String id = r.headers().firstValue("X-Bvb-Decision-Id").orElseThrow();

      p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its stderr)
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
      reader.join(5000);
      String rest = String.join("\n", lines);
      assertTrue(rest.contains("bvb serve: stopped"), rest);
      assertEquals(List.of(id), AuditLog.read(audit).records().stream().map(AuditRecord::id).toList());
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void sigtermEndsTheProcessWithinGraceEvenWhileARuleSpinsWithoutATimeLimit() throws Exception {
    Path rules = bvb.TestRules.copyTo(Files.createDirectories(tmp.resolve("rules")));
    Files.writeString(rules.resolve("99-spin.drl"), DecisionTimeoutServeTest.SPIN);
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", "target/bvb.jar", "serve", "--port", "0", "--rules", rules.toString(), "--warmup", "0",
        "--decision-timeout", "0", "--grace", "1"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
          err.lines().forEach(lines::add);
        } catch (Exception e) {
          lines.add("(stderr closed: " + e + ")");
        }
      });
      reader.start();
      String line;
      do {
        line = lines.poll(60, TimeUnit.SECONDS);
      } while (line != null && !line.contains("listening on http://"));
      assertTrue(line != null, "no listening line");
      String url = line.substring(line.indexOf("http://")).split(" ")[0];
      do {
        line = lines.poll(60, TimeUnit.SECONDS);
      } while (line != null && !line.startsWith("bvb serve: ready"));
      assertTrue(line != null, "no ready line");
      HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      c.sendAsync(HttpRequest.newBuilder(URI.create(url + "/v1/decisions")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofFile(Path.of("facts-samples/sc-06-company-c.json"))).build(),
          HttpResponse.BodyHandlers.discarding());
      Thread.sleep(1000); // the request is spinning now, with no time limit
      long t0 = System.nanoTime();
      p.toHandle().destroy(); // SIGTERM
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM with --grace 1");
      double s = (System.nanoTime() - t0) / 1e9;
      assertTrue(s < 3, "took " + s + " s to stop with --grace 1");
      reader.join(5000);
      String rest = String.join("\n", lines); // stopped by the hook, or halted if the hook itself hung
      assertTrue(rest.contains("stopped anyway") || rest.contains("halting"), rest);
    } finally {
      p.destroyForcibly();
    }
  }

  private static boolean onPath(String command) {
    return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
  }
}
