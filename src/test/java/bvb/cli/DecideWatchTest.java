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

/** {@code bvb decide --watch}: one line per save, errors on stderr, watching on after a bad edit. */
class DecideWatchTest {
  @TempDir Path tmp;

  @Test
  void eachSaveIsDecidedAgainAndABrokenFactFileIsReportedWithoutStopping() throws Exception {
    Path facts = tmp.resolve("c.json");
    String good = Files.readString(Path.of("facts-samples/sc-06-company-c.json"));
    Files.writeString(facts, good);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicBoolean cancelled = new AtomicBoolean();
    Host host = new Host(InputStream.nullInputStream(), bvb.client.Terminal.NONE, null, cancelled::get);
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(
        new String[] {"decide", facts.toString(), "--watch", "--no-what-if"}, new PrintWriter(out, true), new PrintWriter(err, true), host));
    await(out, "watching ");
    String strategy = out.toString().lines().filter(l -> l.contains("SELF_HOST") || l.contains("API")).findFirst().orElse("");
    Files.writeString(facts, good + "\n");
    await(out, "-- decided again");
    assertTrue(out.toString().contains("(unchanged)"), out.toString());
    Files.writeString(facts, "{\"workload\": ");
    await(err, "FACTS-004");
    Files.writeString(facts, good);
    await(out, "-- decided again", 2);
    cancelled.set(true);
    assertEquals(0, run.get(10, TimeUnit.SECONDS));
    assertTrue(!strategy.isEmpty(), out.toString());
  }

  @Test
  void watchingStdinIsAUsageError() {
    StringWriter err = new StringWriter();
    assertEquals(2, Main.run(new String[] {"decide", "-", "--watch"}, new PrintWriter(new StringWriter()), new PrintWriter(err),
        InputStream.nullInputStream()));
    assertTrue(err.toString().contains("--watch needs a fact file"), err.toString());
  }

  private static void await(StringWriter w, String text) throws InterruptedException {
    await(w, text, 1);
  }

  private static void await(StringWriter w, String text, int times) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (w.toString().split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
      assertTrue(System.nanoTime() < end, "no \"" + text + "\" x" + times + " in: " + w);
      Thread.sleep(20);
    }
  }
}
