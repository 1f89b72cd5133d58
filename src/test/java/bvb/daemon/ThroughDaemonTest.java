package bvb.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.cli.Main;
import bvb.client.Client;
import bvb.client.Place;
import bvb.client.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same commands in-process and through a resident bvb (run in this JVM on a socket in a
 * temporary cache directory): stdout, stderr and exit codes must be byte-for-byte the same.
 */
class ThroughDaemonTest {
  @TempDir Path cache;
  @TempDir Path tmp;
  private final Path cwd = Path.of("").toAbsolutePath();
  private Place place;
  private Daemon daemon;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void startDaemon() throws Exception {
    place = Place.in(cache, cwd);
    assertTrue(place.secureDir());
    daemon = new Daemon(place, cwd, Duration.ofMinutes(5));
    daemon.start();
  }

  @AfterEach
  void stopDaemon() {
    daemon.close();
  }

  static Run inProcess(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    int code = Main.run(args, o, e, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    o.flush();
    e.flush();
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Run throughDaemon(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Client.Session s = new Client.Session(place, cwd, args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, Terminal.NONE);
    assertEquals(Client.Result.DONE, s.run(), String.join(" ", args));
    return new Run(s.code(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private void same(String stdin, String... args) {
    Run want = inProcess(stdin, args);
    Run got = throughDaemon(stdin, args);
    assertEquals(want, got, String.join(" ", args));
  }

  @Test
  void representativeCommandsGiveTheSameBytesAndExitCodesBothWays() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"workload\": {\"montlyTokens\": 5, \"tokensPerMonth\": 5}}");
    String company = Files.readString(Path.of("facts-samples/sc-05-company-b.json"));
    String jsonl = company.replace("\n", " ") + "\n" + "{\"workload\": 1}\n\n"
        + Files.readString(Path.of("facts-samples/sc-01-chatbot.json")).replace("\n", " ") + "\n";
    List<String[]> cases = new ArrayList<>(List.of(
        new String[] {"decide", "facts-samples/sc-06-company-c.json"},
        new String[] {"decide", "facts-samples/sc-06-company-c.json", "--details"},
        new String[] {"decide", "facts-samples/sc-05-company-b.json", "--format", "json"},
        new String[] {"decide", bad.toString()},
        new String[] {"tco", "facts-samples/sc-01-chatbot.json"},
        new String[] {"validate"},
        new String[] {"schema"},
        new String[] {"decide", "--no-such-option", "x.json"},
        new String[] {"--version"}));
    for (String[] args : cases) {
      same("", args);
    }
    same(company, "decide", "-", "--format", "json");
    same(jsonl, "batch", "-");
    same(jsonl, "batch", "-", "--output", "summary", "--threads", "1");
    assertEquals(4, inProcess("", "decide", bad.toString()).code(), "the bad fact file is exit 4 both ways");
  }

  @Test
  void concurrentClientsAreServedAtOnceEachWithItsOwnOutput() throws Exception {
    String[] files = {"sc-01-chatbot", "sc-04-company-a", "sc-05-company-b", "sc-06-company-c"};
    List<java.util.concurrent.Future<Run>> runs = new ArrayList<>();
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(files.length);
    try {
      for (String f : files) {
        runs.add(clients.submit(() -> throughDaemon("", "decide", "facts-samples/" + f + ".json", "--format", "json", "--no-what-if")));
      }
      for (int i = 0; i < files.length; i++) {
        assertEquals(inProcess("", "decide", "facts-samples/" + files[i] + ".json", "--format", "json", "--no-what-if"),
            runs.get(i).get(120, java.util.concurrent.TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aRulesDirectoryThatStopsCompilingFailsAsInProcessAndIsNotKept() throws Exception {
    Path rules = tmp.resolve("rules");
    Files.createDirectories(rules);
    try (var drl = Files.list(Path.of("rules"))) {
      for (Path p : drl.toList()) {
        Files.copy(p, rules.resolve(p.getFileName()));
      }
    }
    same("", "validate", "--rules", rules.toString());
    Path first = rules.resolve("40-tree-004.drl");
    String good = Files.readString(first);
    Files.writeString(first, good.replaceFirst("(?m)^then$", "then\n  )"));
    Run broken = throughDaemon("", "validate", "--rules", rules.toString());
    assertEquals(3, broken.code(), broken.err());
    assertEquals(inProcess("", "validate", "--rules", rules.toString()), broken);
    assertTrue(broken.err().startsWith("error: " + first + ":"), broken.err());
    // asked again, the broken files fail again: the last good compile is not handed out for them
    assertEquals(broken, throughDaemon("", "validate", "--rules", rules.toString()));
    Files.writeString(first, good);
    same("", "validate", "--rules", rules.toString());
  }

  @Test
  void aClientOfAnotherBvbIsRefusedAndRunsInProcess() {
    Client.Session s = new Client.Session(place.withIdentity("bvb-daemon/0 another build"), cwd,
        new String[] {"schema"}, InputStreamNone.INSTANCE, new ByteArrayOutputStream(), new ByteArrayOutputStream(), Terminal.NONE);
    assertEquals(Client.Result.NO_DAEMON, s.run());
  }

  @Test
  void aStaleSocketFileIsNoDaemonAndANewDaemonReplacesIt() throws Exception {
    daemon.close();
    Files.writeString(place.socket(), "left by a killed daemon");
    Client.Session s = new Client.Session(place, cwd, new String[] {"schema"}, InputStreamNone.INSTANCE,
        new ByteArrayOutputStream(), new ByteArrayOutputStream(), Terminal.NONE);
    assertEquals(Client.Result.NO_DAEMON, s.run());
    daemon = new Daemon(place, cwd, Duration.ofMinutes(5));
    daemon.start();
    same("", "schema");
  }

  @Test
  void theSocketIsTheUsersAloneInADirectoryOnlyTheUserCanEnter() throws Exception {
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(place.dir())));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(place.socket())));
  }

  @Test
  void batchProgressFollowsTheClientsStderrBeingATerminal() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("facts"));
    for (String f : List.of("sc-01-chatbot", "sc-05-company-b", "sc-06-company-c")) {
      Files.copy(Path.of("facts-samples/" + f + ".json"), dir.resolve(f + ".json"));
    }
    String[] args = {"batch", dir.toString(), "--output", "summary"};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Client.Session s = new Client.Session(place, cwd, args, InputStreamNone.INSTANCE, out, err, new Terminal(false, true, false));
    assertEquals(Client.Result.DONE, s.run());
    assertEquals(0, s.code(), err.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("\r3/3 decided, "), err.toString(StandardCharsets.UTF_8));
    assertEquals(inProcess("", args).out(), out.toString(StandardCharsets.UTF_8), "stdout holds only the JSON lines");
    assertTrue(throughDaemon("", args).err().startsWith("batch: 3 decided"), "no progress when stderr is not a terminal");
  }

  @Test
  void helpIsInColourThroughTheDaemonOnlyWhenTheClientsTerminalAllowsIt() {
    for (Terminal t : List.of(new Terminal(true, true, true), new Terminal(true, true, false), Terminal.NONE)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Client.Session s = new Client.Session(place, cwd, new String[] {"decide", "--help"}, InputStreamNone.INSTANCE,
          out, new ByteArrayOutputStream(), t);
      assertEquals(Client.Result.DONE, s.run());
      assertEquals(t.colour(), out.toString(StandardCharsets.UTF_8).contains("\u001b["), t.toString());
    }
  }

  @Test
  void aClosedStdoutStopsABatchAtOnceWithExitTenThroughTheDaemon() throws Exception {
    Path jsonl = tmp.resolve("many.jsonl");
    String line = Files.readString(Path.of("facts-samples/sc-01-chatbot.json")).replace("\n", " ") + "\n";
    Files.writeString(jsonl, line.repeat(2_000));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    java.io.OutputStream closesAfterFirstWrite = new java.io.OutputStream() {
      private boolean written;

      @Override
      public void write(int b) throws java.io.IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        if (written) {
          throw new java.io.IOException("Broken pipe");
        }
        written = true;
      }
    };
    long t0 = System.nanoTime();
    Client.Session s = new Client.Session(place, cwd, new String[] {"batch", jsonl.toString(), "--output", "summary"},
        InputStreamNone.INSTANCE, closesAfterFirstWrite, err, Terminal.NONE);
    assertEquals(Client.Result.DONE, s.run());
    assertEquals(10, s.code(), err.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write to standard output"), err.toString(StandardCharsets.UTF_8));
    assertTrue((System.nanoTime() - t0) / 1e9 < 60, "stopped at once");
    same("", "schema"); // the daemon cancelled that command and serves the next
  }

  /** An empty stdin. */
  private static final class InputStreamNone {
    static final java.io.InputStream INSTANCE = java.io.InputStream.nullInputStream();
  }
}
