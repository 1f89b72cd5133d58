package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bvb test --watch}: after an edit, only what changed is printed; cancelling ends the run. */
class TestWatchTest {
  @TempDir Path samples;

  @Test
  void anEditedExpectationIsReportedAsNewlyFailingThenPassingAgain() throws Exception {
    for (String name : new String[] {"sc-04-company-a", "sc-06-company-c"}) {
      Files.copy(Path.of("facts-samples", name + ".json"), samples.resolve(name + ".json"));
      Files.copy(Path.of("facts-samples", name + ".expected.json"), samples.resolve(name + ".expected.json"));
    }
    StringWriter out = new StringWriter();
    AtomicBoolean cancelled = new AtomicBoolean();
    Host host = new Host(InputStream.nullInputStream(), bvb.client.Terminal.NONE, null, cancelled::get);
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(
        new String[] {"test", "--watch", "--samples", samples.toString()}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), host));
    await(out, "watching ", 1);
    assertTrue(out.toString().contains("2 passed, 0 failed"), out.toString());
    Path exp = samples.resolve("sc-06-company-c.expected.json");
    String good = Files.readString(exp);
    String strategy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(good).get("strategy").asText();
    String other = strategy.equals("API_FRONTIER") ? "SELF_HOST_OPEN" : "API_FRONTIER";
    Files.writeString(exp, good.replace("\"" + strategy + "\"", "\"" + other + "\""));
    await(out, "-- re-ran 2 samples", 1);
    await(out, "passed, ", 2);
    String changed = out.toString().substring(out.toString().indexOf("-- re-ran"));
    assertTrue(changed.contains("FAIL sc-06-company-c.json (was passing)"), changed);
    assertTrue(!changed.contains("sc-04-company-a"), "an unchanged sample is not printed again: " + changed);
    Files.writeString(exp, good);
    await(out, "-- re-ran 2 samples", 2);
    await(out, "passed, ", 3);
    assertTrue(out.toString().endsWith("PASS sc-06-company-c.json (was failing)\n2 passed, 0 failed\n"), out.toString());
    cancelled.set(true);
    assertEquals(0, run.get(10, TimeUnit.SECONDS));
  }

  private static void await(StringWriter out, String text, int times) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count(out.toString(), text) < times) {
      assertTrue(System.nanoTime() < end, "no \"" + text + "\" (x" + times + ") in: " + out);
      Thread.sleep(20);
    }
  }

  private static int count(String s, String text) {
    int n = 0;
    for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
      n++;
    }
    return n;
  }
}
