package bvb.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The client-daemon wire format: frames of a type byte, a length and that many bytes, over a
 * Unix-domain socket. The client sends one {@link #RUN} (identity, working directory, charset,
 * terminal flag, arguments), then stdin only when the daemon asks for it ({@link #READ}); the
 * daemon streams stdout and stderr and ends with {@link #EXIT}. A client that closes the connection
 * before the exit frame has cancelled the command.
 */
public final class Frames {
  /** Client: run a command. */
  public static final byte RUN = 1;
  /** Client: a chunk of stdin. */
  public static final byte STDIN = 2;
  /** Client: stdin ended. */
  public static final byte STDIN_EOF = 3;
  /** Daemon: this client's identity or directory is not the daemon's; the client runs in-process. */
  public static final byte REFUSED = 10;
  /** Daemon: bytes of stdout. */
  public static final byte OUT = 11;
  /** Daemon: bytes of stderr. */
  public static final byte ERR = 12;
  /** Daemon: the exit code (4 bytes); the last frame. */
  public static final byte EXIT = 13;
  /** Daemon: the command reads stdin; send it. */
  public static final byte READ = 14;

  /** Largest frame accepted. */
  static final int MAX = 1 << 20;

  private Frames() {}

  /** One frame. */
  public record Frame(byte type, byte[] body) {}

  /** Writes one frame; callers writing from several threads synchronize on the stream. */
  public static void write(DataOutputStream out, byte type, byte[] body, int off, int len) throws IOException {
    out.writeByte(type);
    out.writeInt(len);
    out.write(body, off, len);
    out.flush();
  }

  /** The next frame, or null at the end of the stream. */
  public static Frame read(DataInputStream in) throws IOException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    int len = in.readInt();
    if (len < 0 || len > MAX) {
      throw new IOException("bad frame length " + len);
    }
    byte[] body = new byte[len];
    in.readFully(body);
    return new Frame((byte) type, body);
  }

  /** The run request. */
  public record Run(String identity, String cwd, String charset, Terminal terminal, String[] args) {
    public byte[] encode() throws IOException {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(identity);
      out.writeUTF(cwd);
      out.writeUTF(charset);
      out.writeByte(terminal.bits());
      out.writeInt(args.length);
      for (String a : args) {
        byte[] b = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
      }
      out.flush();
      return bytes.toByteArray();
    }

    public static Run decode(byte[] body) throws IOException {
      DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
      String identity = in.readUTF();
      String cwd = in.readUTF();
      String charset = in.readUTF();
      Terminal terminal = Terminal.ofBits(in.readByte());
      int n = in.readInt();
      if (n < 0 || n > 10_000) {
        throw new EOFException("bad argument count " + n);
      }
      String[] args = new String[n];
      for (int i = 0; i < n; i++) {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        args[i] = new String(b, java.nio.charset.StandardCharsets.UTF_8);
      }
      return new Run(identity, cwd, charset, terminal, args);
    }
  }

  /** A blocking input stream over a socket channel (reads do not hold the channel's blocking lock, so writes go on meanwhile). */
  public static InputStream in(SocketChannel ch) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : ch.read(ByteBuffer.wrap(b, off, len));
      }
    };
  }

  /** A blocking output stream over a socket channel. */
  public static OutputStream out(SocketChannel ch) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
    };
  }
}
