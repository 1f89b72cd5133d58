package bvb.daemon;

import bvb.client.Frames;
import bvb.client.Place;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident bvb: one per user, working directory and jar (see {@link Place}). It keeps the
 * compiled rule set of every rules directory it was asked for and a warm JIT, and runs each
 * client's command on a thread of its own with the same picocli command line as in-process. It
 * listens on a Unix-domain socket (0600, in a 0700 directory; nothing over TCP) and exits after
 * {@code BVB_DAEMON_IDLE} (seconds, default 900) without a command, when its jar changes, or on
 * SIGTERM ({@code bvb daemon stop}).
 */
public final class Daemon implements AutoCloseable {
  private final Place place;
  private final Path cwd;
  private final Duration idle;
  private final bvb.rules.KeptRuleSets rules = new bvb.rules.KeptRuleSets();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicLong lastActive = new AtomicLong(System.nanoTime());
  private final AtomicLong served = new AtomicLong();
  private ServerSocketChannel server;
  private volatile boolean closed;

  public Daemon(Place place, Path cwd, Duration idle) {
    this.place = place;
    this.cwd = cwd;
    this.idle = idle;
  }

  public static void main(String[] args) throws Exception {
    Path cwd = Path.of("").toAbsolutePath();
    Place place = Place.forThisProcess(cwd);
    if (!place.secureDir()) {
      System.err.println("bvb daemon: " + place.dir() + " is not a directory only this user can enter; not starting");
      System.exit(0);
    }
    FileChannel lockFile = FileChannel.open(place.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = lockFile.tryLock();
    if (lock == null) {
      System.exit(0); // another one is starting or serving
    }
    Daemon d = new Daemon(place, cwd, idleFromEnv());
    Runtime.getRuntime().addShutdownHook(new Thread(d::close));
    long t0 = System.nanoTime();
    int warm = d.warmUp(Duration.ofSeconds(10));
    d.start();
    System.err.printf(java.util.Locale.ROOT, "bvb daemon: pid %d serving %s on %s (warm-up: %d decisions in %.1f s)%n",
        ProcessHandle.current().pid(), cwd, place.socket(), warm, (System.nanoTime() - t0) / 1e9);
    d.awaitIdle();
    d.close();
    System.exit(0);
  }

  /** BVB_DAEMON_IDLE: seconds (or with an s, m or h suffix) without a command before the daemon exits; 15 minutes by default. */
  static Duration idleFromEnv() {
    String v = System.getenv("BVB_DAEMON_IDLE");
    if (v == null || v.isBlank()) {
      return Duration.ofMinutes(15);
    }
    try {
      String s = v.strip().toLowerCase(java.util.Locale.ROOT);
      long unit = s.endsWith("h") ? 3600 : s.endsWith("m") ? 60 : 1;
      String n = s.replaceAll("[smh]$", "");
      return Duration.ofSeconds(Long.parseLong(n) * unit);
    } catch (NumberFormatException e) {
      return Duration.ofMinutes(15);
    }
  }

  /**
   * Compiles ./rules and decides the samples in ./facts-samples (output discarded, nothing audited)
   * until the time is up: the first command then finds its rule set compiled and the JIT warm.
   */
  int warmUp(Duration budget) {
    int n = 0;
    Path samples = cwd.resolve("facts-samples");
    if (!Files.isDirectory(cwd.resolve("rules"))) {
      return 0;
    }
    try {
      rules.apply(Path.of("rules"));
    } catch (RuntimeException e) {
      return 0; // rules that do not compile: the first command reports it
    }
    java.util.List<Path> files;
    try (var s = Files.list(samples)) {
      files = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json") && !f.endsWith(".expected.json")
          && !f.endsWith(".schema.json")).sorted().map(f -> Path.of("facts-samples", f)).toList();
    } catch (IOException e) {
      return 0;
    }
    long end = System.nanoTime() + budget.toNanos();
    java.io.PrintWriter sink = new java.io.PrintWriter(java.io.OutputStream.nullOutputStream());
    bvb.cli.Host host = new bvb.cli.Host(java.io.InputStream.nullInputStream(), bvb.client.Terminal.NONE, rules, () -> false);
    while (!files.isEmpty() && System.nanoTime() < end) {
      for (Path f : files) {
        bvb.cli.Main.run(new String[] {"decide", f.toString()}, sink, sink, host);
        n++;
        if (System.nanoTime() >= end) {
          break;
        }
      }
    }
    return n;
  }

  /** Binds the socket (replacing a stale one) and starts accepting clients on a thread of its own. */
  public void start() throws IOException {
    Files.deleteIfExists(place.socket()); // the caller holds the lock: any socket file here is stale
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(place.socket()));
    Files.setPosixFilePermissions(place.socket(), PosixFilePermissions.fromString("rw-------"));
    writeInfo();
    Thread acceptor = new Thread(this::accept, "bvb-daemon-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void writeInfo() throws IOException {
    String info = "pid=" + ProcessHandle.current().pid() + "\ncwd=" + cwd.toString().replace("\\", "\\\\")
        + "\nversion=" + bvb.cli.Versions.bvb() + "\nstarted=" + System.currentTimeMillis() + "\n";
    Path tmp = place.dir().resolve(place.info().getFileName() + ".tmp");
    Files.writeString(tmp, info, StandardCharsets.UTF_8);
    Files.move(tmp, place.info(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void accept() {
    while (!closed) {
      try {
        SocketChannel ch = server.accept();
        active.incrementAndGet();
        Thread t = new Thread(() -> serve(ch), "bvb-daemon-request");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("bvb daemon: accept failed: " + e);
        }
        return;
      }
    }
  }

  private void serve(SocketChannel ch) {
    try (ch) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(Frames.in(ch), 1 << 16));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Frames.out(ch), 1 << 16));
      Frames.Frame f = Frames.read(in);
      if (f == null || f.type() != Frames.RUN) {
        return;
      }
      Frames.Run run = Frames.Run.decode(f.body());
      String refusal = refusal(run);
      if (refusal != null) {
        byte[] why = refusal.getBytes(StandardCharsets.UTF_8);
        Frames.write(out, Frames.REFUSED, why, 0, why.length);
        return;
      }
      new Request(run, in, out, rules).execute();
      served.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      // the client went away, or sent garbage: nothing to answer
    } finally {
      lastActive.set(System.nanoTime());
      active.decrementAndGet();
    }
  }

  /** Why this daemon will not run the client's command, or null. */
  private String refusal(Frames.Run run) {
    if (!run.identity().equals(place.identity())) {
      return "another bvb: " + place.identity();
    }
    if (!place.identity().contains(" jar " + Place.jarStamp() + " java ")) {
      return "this daemon's jar was rebuilt";
    }
    if (!run.cwd().equals(cwd.toString())) {
      return "another directory: " + cwd;
    }
    if (!run.charset().equals(java.nio.charset.Charset.defaultCharset().name())) {
      return "another charset";
    }
    return null;
  }

  /** Returns once the daemon was idle for its idle time, or its jar changed while idle, or it was closed. */
  public void awaitIdle() throws InterruptedException {
    long step = Math.max(50, Math.min(1000, idle.toMillis() / 4));
    long collectedAfter = 0;
    while (!closed) {
      Thread.sleep(step);
      if (active.get() > 0) {
        continue;
      }
      long last = lastActive.get();
      if (last != collectedAfter && System.nanoTime() - last > 2_000_000_000L) {
        compact();
        collectedAfter = last;
      }
      boolean idleLongEnough = System.nanoTime() - last >= idle.toNanos();
      // only the jar's size and time are read here: a rebuilt jar must not be read through (its
      // classes would not be this daemon's), and this daemon's identity holds the stamp it started with
      if (idleLongEnough || !place.identity().contains(" jar " + Place.jarStamp() + " java ")) {
        return;
      }
    }
  }

  /**
   * After 2 s without a command: a full collection that hands the heap a batch or a compile grew back
   * to the system. The free-ratio bounds are manageable flags: they are tightened for this one
   * collection only, so that the heap shrinks to its live set now (the launch flags give
   * {@code -XX:-ShrinkHeapInSteps} and a small {@code -Xms}), yet grows in large steps while working
   * (fewer full collections during a compile).
   */
  static void compact() {
    var vm = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
    String min = null;
    String max = null;
    try {
      min = vm.getVMOption("MinHeapFreeRatio").getValue();
      max = vm.getVMOption("MaxHeapFreeRatio").getValue();
      vm.setVMOption("MinHeapFreeRatio", "5"); // lowered first: min may never exceed max
      vm.setVMOption("MaxHeapFreeRatio", "15");
    } catch (RuntimeException e) {
      // a JVM without these flags: a plain collection then
    }
    System.gc();
    try {
      if (max != null) {
        vm.setVMOption("MaxHeapFreeRatio", max);
        vm.setVMOption("MinHeapFreeRatio", min);
      }
    } catch (RuntimeException e) {
      // left tight: the heap then grows in smaller steps, nothing worse
    }
    trimNativeHeap();
  }

  /**
   * Hands the C heap's free pages back to the system (jcmd's {@code System.trim_native_heap}): the
   * rule compiler's native buffers leave tens of megabytes free but resident. A JVM without that
   * command keeps them.
   */
  private static void trimNativeHeap() {
    try {
      var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
      java.lang.management.ManagementFactory.getPlatformMBeanServer()
          .invoke(name, "systemTrimNativeHeap", new Object[] {null}, new String[] {String[].class.getName()});
    } catch (javax.management.JMException | RuntimeException e) {
      // not offered by this JVM
    }
  }

  /** Commands served so far. */
  public long served() {
    return served.get();
  }

  /** Stops listening and removes the socket and pid files. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (server != null) {
        server.close();
        Files.deleteIfExists(place.socket());
        Files.deleteIfExists(place.info());
      }
    } catch (IOException e) {
      // a stale socket file is replaced by the next daemon
    }
  }
}
