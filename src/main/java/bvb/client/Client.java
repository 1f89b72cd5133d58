package bvb.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * The thin {@code bvb}: hands the command to the resident bvb of this user, directory and jar over
 * its Unix-domain socket and relays stdout, stderr, stdin (when asked) and the exit code. Without a
 * daemon it runs the command in this process, as {@code java -jar bvb.jar} would, and then starts
 * one in the background for the next command. Loads no Drools, Jackson or picocli unless it runs
 * the command itself, so that talking to a daemon costs little more than the JVM's start.
 */
public final class Client {
  /**
   * Exit code when standard output cannot be written (closed by {@code | head}, or full): the
   * number of {@code bvb.cli.ExitCode.OUTPUT}, written out so that the client loads no bvb class.
   */
  public static final int OUTPUT_FAILED = 10;

  private Client() {}

  /** What became of a request to the daemon. */
  public enum Result { DONE, NO_DAEMON, DIED_CLEAN, DIED_AFTER_OUTPUT }

  public static void main(String[] args) {
    if (args.length == 2 && args[0].equals("daemon") && (args[1].equals("status") || args[1].equals("stop"))) {
      java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
      System.exit(args[1].equals("stop") ? Daemons.stop(out) : Daemons.status(out));
    }
    for (String a : args) {
      if (a.equals("--debug")) {
        System.exit(inProcess(args)); // Drools' logging is set up per process, for this run's stderr
      }
    }
    Path cwd = Path.of("").toAbsolutePath();
    Place place = Place.forThisProcess(cwd);
    if (!place.secureDir()) {
      System.exit(inProcess(args));
    }
    Client.Session s = new Client.Session(place, cwd, args, new FileInputStream(FileDescriptor.in),
        new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), Terminal.ofThisProcess());
    Result r = s.run();
    switch (r) {
      case DONE -> System.exit(s.code());
      case DIED_AFTER_OUTPUT -> {
        System.err.println("bvb: the background bvb stopped during this command; its output is incomplete"
            + " (run it again, or with --no-daemon)");
        System.exit(1);
      }
      case DIED_CLEAN -> {
        System.err.println("bvb: the background bvb stopped during this command; running it in this process");
        System.exit(inProcess(args));
      }
      case NO_DAEMON -> {
        int code = inProcess(args);
        if (!"0".equals(System.getenv("BVB_DAEMON_START"))) {
          Daemons.startIfNone(place, cwd);
        }
        System.exit(code);
      }
      default -> throw new IllegalStateException(r.toString());
    }
  }

  /** Runs the command in this JVM, as {@code java -jar bvb.jar} does. */
  static int inProcess(String[] args) {
    try {
      return (int) Class.forName("bvb.cli.Main").getMethod("execute", String[].class).invoke(null, (Object) args);
    } catch (ReflectiveOperationException e) {
      System.err.println("error: internal: " + e);
      return 1;
    }
  }

  /** One request: connects, sends the command, relays frames until the exit code. */
  public static final class Session {
    private final Place place;
    private final Path cwd;
    private final String[] args;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final Terminal terminal;
    private boolean output;
    private volatile boolean stdinRead;
    private int code;

    /** A request of these arguments from this directory, relaying the given streams. */
    public Session(Place place, Path cwd, String[] args, InputStream stdin, OutputStream stdout, OutputStream stderr, Terminal terminal) {
      this.place = place;
      this.cwd = cwd;
      this.args = args.clone();
      this.stdin = stdin;
      this.stdout = stdout;
      this.stderr = stderr;
      this.terminal = terminal;
    }

    /** The command's exit code, once {@link #run} returned DONE. */
    public int code() {
      return code;
    }

    /** Sends the command and relays its streams until it ends or the daemon goes away. */
    public Result run() {
      SocketChannel ch;
      try {
        ch = SocketChannel.open(UnixDomainSocketAddress.of(place.socket()));
      } catch (IOException | RuntimeException e) {
        return Result.NO_DAEMON; // no socket file, a stale one, or a path too long for a socket
      }
      // Ctrl-C or a kill: closing the connection cancels the command in the daemon.
      Thread hook = new Thread() {
        @Override
        public void run() {
          close(ch);
        }
      };
      Runtime.getRuntime().addShutdownHook(hook);
      try (ch) {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Frames.out(ch), 1 << 16));
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Frames.in(ch), 1 << 16));
        byte[] run = new Frames.Run(place.identity(), cwd.toString(), Charset.defaultCharset().name(),
            terminal, args).encode();
        synchronized (out) {
          Frames.write(out, Frames.RUN, run, 0, run.length);
        }
        return relay(in, out);
      } catch (IOException e) {
        return died();
      }
    }

    private Result relay(DataInputStream in, DataOutputStream out) throws IOException {
      for (Frames.Frame f = Frames.read(in); f != null; f = Frames.read(in)) {
        switch (f.type()) {
          case Frames.OUT -> {
            output = true;
            try {
              stdout.write(f.body());
              stdout.flush();
            } catch (IOException e) {
              // closed (e.g. `| head -1`) or full: stop the command at once; closing the
              // connection cancels it in the daemon, as in-process the next write stops it
              stderr.write("error: cannot write to standard output: the output is incomplete\n".getBytes(Charset.defaultCharset()));
              stderr.flush();
              code = OUTPUT_FAILED;
              return Result.DONE;
            }
          }
          case Frames.ERR -> {
            output = true;
            stderr.write(f.body());
            stderr.flush();
          }
          case Frames.READ -> pumpStdin(out);
          case Frames.REFUSED -> {
            return output || stdinRead ? died() : Result.NO_DAEMON;
          }
          case Frames.EXIT -> {
            code = java.nio.ByteBuffer.wrap(f.body()).getInt();
            return Result.DONE;
          }
          default -> throw new IOException("unknown frame " + f.type());
        }
      }
      return died();
    }

    /** The daemon went away before the exit code: run again in-process only when that cannot repeat or lose anything. */
    private Result died() {
      boolean audited = false;
      for (String a : args) {
        audited |= a.equals("--audit") || a.startsWith("--audit=");
      }
      return output || stdinRead || audited ? Result.DIED_AFTER_OUTPUT : Result.DIED_CLEAN;
    }

    private void pumpStdin(DataOutputStream out) {
      if (stdinRead) {
        return;
      }
      stdinRead = true;
      Thread t = new Thread("bvb-stdin") {
        @Override
        public void run() {
          byte[] buf = new byte[1 << 16];
          try {
            for (int n = stdin.read(buf); n >= 0; n = stdin.read(buf)) {
              synchronized (out) {
                Frames.write(out, Frames.STDIN, buf, 0, n);
              }
            }
            synchronized (out) {
              Frames.write(out, Frames.STDIN_EOF, buf, 0, 0);
            }
          } catch (IOException e) {
            // the daemon is gone or stdin failed: the main thread sees the end of the connection
          }
        }
      };
      t.setDaemon(true);
      t.start();
    }

    private static void close(SocketChannel ch) {
      try {
        ch.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
