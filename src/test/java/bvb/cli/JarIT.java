package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real shaded jar in its own JVM: Drools' services survive shading and stdout stays clean. */
class JarIT {
  record Proc(int code, String out, String err) {}

  static Proc run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/bvb.jar"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Proc(p.waitFor(), out, err);
  }

  @Test
  void stdoutThatCannotBeWrittenIsANonZeroExit() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/dev/full")));
    for (String[] args : new String[][] {{"decide", "facts-samples/sc-06-company-c.json"}, {"schema"},
        {"tco", "facts-samples/sc-01-chatbot.json"}}) {
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/bvb.jar"));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectOutput(new java.io.File("/dev/full")).start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(10, p.waitFor(), args[0] + ": " + err);
      assertTrue(err.contains("cannot write to standard output"), err);
    }
  }

  @Test
  void shadedJarDecidesASampleWithPureJsonOnStdoutAndNothingOnStderr() throws Exception {
    Proc p = run("decide", "facts-samples/sc-06-company-c.json", "--format", "json");
    assertEquals(0, p.code(), p.err());
    assertEquals("", p.err(), "Drools must not log to the user's screen");
    assertEquals("SELF_HOST_OPEN", new ObjectMapper().readTree(p.out()).at("/recommendation/strategy").asText());
  }

  @Test
  void shadedJarReportsABrokenRuleSetWithoutDroolsLogging(@TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("x.drl"), "package x;\nrule \"a\"\nwhen\n  Foo( > )\nthen\nend\n");
    Proc p = run("validate", "--rules", dir.toString());
    assertEquals(3, p.code());
    assertEquals("", p.out());
    assertTrue(p.err().startsWith("error: " + dir.resolve("x.drl") + ":4:"), p.err());
    assertTrue(!p.err().contains("ERROR") && !p.err().contains("org.drools"), p.err());
  }

  @Test
  void launcherDecidesWithCleanOutputOnFirstAndLaterRuns() throws Exception {
    for (int run = 0; run < 2; run++) {
      ProcessBuilder pb = new ProcessBuilder("target/bvb", "decide", "facts-samples/sc-04-company-a.json", "--format", "json");
      pb.environment().put("BVB_NO_DAEMON", "1"); // the launcher alone; DaemonIT runs it with a daemon
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), err);
      assertEquals("", err, "run " + run);
      assertEquals("API_FRONTIER", new ObjectMapper().readTree(out).at("/recommendation/strategy").asText());
    }
  }

  @Test
  void aClosedStandardInputIsReportedAsClosedNotReadAsSomeOtherFile() throws Exception {
    for (String command : new String[] {"decide -", "batch -"}) {
      Process p = new ProcessBuilder("sh", "-c", "exec target/bvb " + command + " <&-").start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(ExitCode.FACTS.code, p.waitFor(), command + ": " + err);
      assertTrue(err.contains("standard input is closed"), command + ": " + err);
    }
  }
}
