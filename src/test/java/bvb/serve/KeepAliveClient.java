package bvb.serve;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The load generator's HTTP/1.1 client: one POST, repeated over a fixed set of keep-alive
 * connections, each served by its own thread. It does the least work a client can (no header map,
 * no body parsing unless asked), so that on a machine it shares with the server it takes as little
 * CPU as possible from what is measured. Requests wait in one queue for a free connection; their
 * latency is measured by the caller from their due time, so that wait is counted.
 */
final class KeepAliveClient implements AutoCloseable {
  /**
   * One response: status, the rule-set header, the body when the caller wants it, and when the
   * request was written (System.nanoTime()).
   */
  record Response(int status, String ruleSet, byte[] body, long sentAt) {}

  interface Callback {
    void done(Response response, Exception failure);
  }

  private record Job(Callback callback) {}

  private static final Job STOP = new Job(null);

  private final InetSocketAddress address;
  private final byte[] request;
  private final boolean keepBody;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();

  KeepAliveClient(URI url, byte[] json, int connections, boolean keepBody) {
    this.address = new InetSocketAddress(url.getHost(), url.getPort());
    this.keepBody = keepBody;
    String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
        + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    request = new byte[h.length + json.length];
    System.arraycopy(h, 0, request, 0, h.length);
    System.arraycopy(json, 0, request, h.length, json.length);
    for (int i = 0; i < connections; i++) {
      Thread t = new Thread(this::work, "load-conn-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  /** Queues one request; the callback runs on a connection thread. */
  void send(Callback callback) {
    queue.add(new Job(callback));
  }

  private void work() {
    Socket socket = null;
    InputStream in = null;
    byte[] buf = new byte[256 * 1024];
    try {
      while (true) {
        Job job = queue.take();
        if (job == STOP) {
          return;
        }
        Response response = null;
        Exception failure = null;
        try {
          if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
          }
          long sentAt = System.nanoTime();
          OutputStream out = socket.getOutputStream();
          out.write(request);
          out.flush();
          Parsed p = read(in, buf, sentAt);
          response = p.response;
          if (p.close) {
            socket.close();
            socket = null;
          }
        } catch (IOException e) {
          failure = e;
          close(socket);
          socket = null;
        }
        job.callback().done(response, failure);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close(socket);
    }
  }

  private record Parsed(Response response, boolean close) {}

  /** Reads one response: status line and headers byte by byte, then Content-Length bytes of body. */
  private Parsed read(InputStream in, byte[] buf, long sentAt) throws IOException {
    int n = 0;
    while (n < 4 || !(buf[n - 4] == '\r' && buf[n - 3] == '\n' && buf[n - 2] == '\r' && buf[n - 1] == '\n')) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the response headers ended");
      }
      if (n == buf.length) {
        throw new IOException("response headers over " + buf.length + " bytes");
      }
      buf[n++] = (byte) b;
    }
    String head = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(head.substring(9, 12));
    long length = -1;
    String ruleSet = "none";
    boolean close = false;
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "x-bvb-rule-set" -> ruleSet = value;
        case "connection" -> close = value.equalsIgnoreCase("close");
        case "transfer-encoding" -> throw new IOException("chunked responses are not expected from bvb serve");
        default -> { }
      }
    }
    if (length < 0) {
      throw new IOException("response without Content-Length");
    }
    byte[] body = keepBody ? new byte[(int) length] : null;
    long left = length;
    int off = 0;
    while (left > 0) {
      int r = keepBody ? in.read(body, off, (int) left) : in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        throw new IOException("connection closed inside the response body");
      }
      left -= r;
      off += r;
    }
    return new Parsed(new Response(status, ruleSet, body, sentAt), close);
  }

  private static void close(Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public void close() {
    threads.forEach(t -> queue.add(STOP));
  }
}
