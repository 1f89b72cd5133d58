package bvb.daemon;

import bvb.cli.Host;
import bvb.cli.Main;
import bvb.client.Frames;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One command run for a client: the same picocli command line as in-process, on writers that send
 * stdout and stderr as frames as they are flushed, and on a stdin asked from the client only when the
 * command reads it. When the client goes away the command's next read or write throws
 * {@link Cancelled}: an audit record being appended is finished first (appends happen between
 * writes, never inside one), so the log only ever gets whole records.
 */
final class Request {
  private static final byte[] EOF = new byte[0];

  private final Frames.Run run;
  private final DataInputStream in;
  private final DataOutputStream out;
  private final java.util.function.Function<java.nio.file.Path, bvb.rules.RuleSet> rules;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean asked = new AtomicBoolean();
  private final BlockingQueue<byte[]> stdin = new ArrayBlockingQueue<>(16);

  Request(Frames.Run run, DataInputStream in, DataOutputStream out,
      java.util.function.Function<java.nio.file.Path, bvb.rules.RuleSet> rules) {
    this.run = run;
    this.in = in;
    this.out = out;
    this.rules = rules;
  }

  /** Runs the command; returns its exit code (the client has it too unless it went away). */
  int execute() {
    Thread reader = new Thread(this::readClient, "bvb-daemon-client");
    reader.setDaemon(true);
    reader.start();
    PrintWriter stdout = new PrintWriter(new BufferedOutputStream(new FrameOut(Frames.OUT), 1 << 15), true);
    PrintWriter stderr = new PrintWriter(new BufferedOutputStream(new FrameOut(Frames.ERR), 1 << 13), true);
    Host host = new Host(new Stdin(), run.terminal(), rules, cancelled::get);
    int code;
    try {
      code = Main.run(run.args(), stdout, stderr, host);
      stdout.flush();
      stderr.flush();
      byte[] exit = java.nio.ByteBuffer.allocate(4).putInt(code).array();
      send(Frames.EXIT, exit, 0, 4);
    } catch (Cancelled e) {
      code = 130;
    }
    return code;
  }

  boolean cancelled() {
    return cancelled.get();
  }

  /** Reads the client's frames: stdin, and the end of the connection, which cancels the command. */
  private void readClient() {
    try {
      for (Frames.Frame f = Frames.read(in); f != null; f = Frames.read(in)) {
        if (f.type() == Frames.STDIN && f.body().length > 0) {
          while (!stdin.offer(f.body(), 100, TimeUnit.MILLISECONDS)) {
            if (cancelled.get()) {
              return;
            }
          }
        } else if (f.type() == Frames.STDIN_EOF) {
          stdin.put(EOF);
        }
      }
    } catch (IOException | InterruptedException e) {
      // the connection ended
    }
    cancelled.set(true);
  }

  private void send(byte type, byte[] b, int off, int len) {
    if (cancelled.get()) {
      throw new Cancelled();
    }
    try {
      synchronized (out) {
        Frames.write(out, type, b, off, len);
      }
    } catch (IOException e) {
      cancelled.set(true);
      throw new Cancelled();
    }
  }

  /** stdout or stderr of the command, as frames. */
  private final class FrameOut extends OutputStream {
    private final byte type;

    FrameOut(byte type) {
      this.type = type;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len > 0) {
        send(type, b, off, len);
      }
    }
  }

  /** The client's stdin, asked for on the first read. */
  private final class Stdin extends InputStream {
    private byte[] chunk;
    private int pos;
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (asked.compareAndSet(false, true)) {
        send(Frames.READ, EOF, 0, 0);
      }
      while (!ended && (chunk == null || pos == chunk.length)) {
        if (cancelled.get()) {
          throw new Cancelled();
        }
        try {
          byte[] next = stdin.poll(100, TimeUnit.MILLISECONDS);
          if (next == EOF) {
            ended = true;
          } else if (next != null) {
            chunk = next;
            pos = 0;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
      }
      if (ended) {
        return -1;
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(chunk, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
