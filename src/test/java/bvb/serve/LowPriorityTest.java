package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bvb.TestRules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reloader's thread can lower its own CPU priority, and the threads it starts inherit it. */
class LowPriorityTest {
  @Test
  void aLoweredThreadAndTheThreadsItStartsRunAtNice19() throws Exception {
    int mine = niceOfCurrentThread();
    AtomicReference<String> said = new AtomicReference<>();
    AtomicReference<Integer> own = new AtomicReference<>();
    AtomicReference<Integer> child = new AtomicReference<>();
    Thread t = new Thread(() -> {
      said.set(LowPriority.lowerCurrentThread());
      own.set(niceOfCurrentThread());
      Thread c = new Thread(() -> child.set(niceOfCurrentThread()));
      c.start();
      try {
        c.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    t.join();
    assumeTrue("nice 19".equals(said.get()), "priority not lowered here: " + said.get());
    assertEquals(19, own.get());
    assertEquals(19, child.get());
    assertEquals(mine, niceOfCurrentThread(), "only the calling thread is lowered");
  }

  @Test
  void aReloaderStartedAtLowPriorityPollsAtNice19(@TempDir Path rules) throws Exception {
    TestRules.copyTo(rules);
    StringWriter err = new StringWriter();
    // other tests' reloaders run at normal priority; one may still be winding down in this JVM
    assumeTrue(!niceOfThreads("bvb-rule-reloa").contains(19), "a low-priority reloader is already running");
    try (RuleReloader reloader = new RuleReloader(rules, null, 12, new PrintWriter(err, true))) {
      reloader.start(50, true);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!err.toString().contains("rule reloader: ") && System.nanoTime() - deadline < 0) {
        Thread.sleep(20);
      }
      assumeTrue(err.toString().contains("bvb serve: rule reloader: nice 19"), "priority not lowered here: " + err);
      assertTrue(niceOfThreads("bvb-rule-reloa").contains(19), "its thread is at nice 19"); // /proc shows 15 characters of a name
    }
  }

  /** The nice value of each of this process's threads whose name starts with {@code prefix}. */
  private static List<Integer> niceOfThreads(String prefix) throws Exception {
    List<Integer> nice = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
            nice.add(nice(Files.readString(task.resolve("stat"))));
          }
        } catch (java.nio.file.NoSuchFileException gone) {
          // a thread of another test (a pool worker) ended between the listing and the read
        }
      }
    }
    return nice;
  }

  /** Field 19 of /proc/thread-self/stat (after the parenthesised command name). */
  private static int niceOfCurrentThread() {
    try {
      return nice(Files.readString(Path.of("/proc/thread-self/stat")));
    } catch (Exception e) {
      return Integer.MIN_VALUE;
    }
  }

  private static int nice(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(f[16]); // f[0] is field 3; nice is field 19
  }
}
