package bvb.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Starting, listing and stopping resident bvbs. A daemon holds an exclusive lock on its
 * {@code .lock} file while it lives, so a client can tell a live daemon (starting or serving) from a
 * stale socket file left by a killed one; its {@code .pid} file says who it is.
 */
public final class Daemons {
  /** The daemon's main class, which is how {@link #stop} recognises a daemon's process. */
  public static final String MAIN = "bvb.daemon.Daemon";

  private Daemons() {}

  /** Starts a daemon for this place in the background unless one holds its lock. */
  public static void startIfNone(Place place, Path cwd) {
    if (held(place.lock())) {
      return;
    }
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      cmd.add("/usr/bin/setsid"); // its own session: a Ctrl-C or a closed terminal does not reach it
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path jar = Place.jar();
    Path jsa = jar.resolveSibling("bvb.jsa");
    cmd.addAll(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-Xms32m", "-XX:-ShrinkHeapInSteps", "-Xmx512m",
        "-XX:ReservedCodeCacheSize=96m"));
    if (Files.isRegularFile(jsa)) {
      cmd.add("-XX:SharedArchiveFile=" + jsa);
    }
    cmd.addAll(List.of("-cp", jar.toString(), MAIN));
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().remove("BVB_TIMINGS"); // its marks would pile up in a process that never exits
      pb.directory(cwd.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(place.log().toFile()))
          .redirectErrorStream(true)
          .start();
    } catch (IOException | RuntimeException e) {
      // no daemon then: every command runs in-process, as with --no-daemon
    }
  }

  /** True when some process holds the lock file (a daemon starting or serving). */
  public static boolean held(Path lock) {
    try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return true; // this JVM holds it (a daemon run inside a test)
    } catch (IOException e) {
      return false;
    }
  }

  /** A daemon as its .pid file describes it. */
  record Info(Path file, long pid, String cwd, String version, Instant started, Optional<ProcessHandle> process) {}

  static List<Info> list(Path dir) {
    List<Info> all = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return all;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
          p.load(in);
          long pid = Long.parseLong(p.getProperty("pid", "-1"));
          Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
              .filter(ph -> ph.info().commandLine().map(c -> c.contains(MAIN)).orElse(false));
          all.add(new Info(f, pid, p.getProperty("cwd", "?"), p.getProperty("version", "?"),
              Instant.ofEpochMilli(Long.parseLong(p.getProperty("started", "0"))), h));
        } catch (IOException | RuntimeException e) {
          // a file being written or not ours: skipped
        }
      }
    } catch (IOException e) {
      // nothing listed
    }
    return all;
  }

  /** {@code bvb daemon status}: every live daemon of this user, its directory, age and memory. */
  public static int status(PrintWriter out) {
    Path dir = Place.cacheDir().resolve("daemon");
    String mine = Place.forThisProcess(Path.of("").toAbsolutePath()).info().getFileName().toString();
    int live = 0;
    for (Info i : list(dir)) {
      if (i.process().isEmpty()) {
        continue;
      }
      live++;
      long mins = Duration.between(i.started(), Instant.now()).toMinutes();
      out.printf(Locale.ROOT, "pid %d, bvb %s, up %d min, RSS %s, %s%s%n", i.pid(), i.version(), mins,
          rss(i.pid()), i.cwd(), i.file().getFileName().toString().equals(mine) ? " (this directory and bvb)" : "");
    }
    if (live == 0) {
      out.println("no bvb daemon running (" + dir + ")");
    }
    out.flush();
    return 0;
  }

  /** {@code bvb daemon stop}: SIGTERM to every daemon of this user, then SIGKILL to any still there after 5 s. */
  public static int stop(PrintWriter out) {
    return stop(Place.cacheDir(), out);
  }

  /** Stops every daemon whose files are under this cache directory. */
  public static int stop(Path cacheDir, PrintWriter out) {
    Path dir = cacheDir.resolve("daemon");
    int stopped = 0;
    for (Info i : list(dir)) {
      if (i.process().isEmpty()) {
        continue;
      }
      ProcessHandle h = i.process().get();
      h.destroy();
      try {
        h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        h.destroyForcibly();
      } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
        Thread.currentThread().interrupt();
      }
      out.println("stopped bvb daemon pid " + i.pid() + " (" + i.cwd() + ")");
      stopped++;
    }
    if (stopped == 0) {
      out.println("no bvb daemon running");
    }
    out.flush();
    return 0;
  }

  /** Resident set size of a process from /proc, or "?" where there is none. */
  public static String rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%d MB", kb / 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or gone
    }
    return "?";
  }
}
