package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly, stall, or send too much cost a connection, never a handler thread:
 * raw sockets against a server with 4 handler threads.
 */
class ConnectionLimitsTest {
  static ServerHarness s;

  @BeforeAll
  static void start() throws Exception {
    s = new ServerHarness(Path.of("rules"), null);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  Socket open() throws IOException {
    Socket c = new Socket("127.0.0.1", s.server.address().getPort());
    c.setSoTimeout(15_000);
    return c;
  }

  static String statusLine(Socket c) throws IOException {
    return new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
  }

  @Test
  void twelveStalledClientsDoNotDelayADecision() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      byte[] facts = Files.readAllBytes(DecisionServerTest.SC05);
      for (int i = 0; i < 12; i++) {
        Socket c = open();
        OutputStream o = c.getOutputStream();
        if (i % 3 == 0) { // half the headers
          o.write("POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Ty".getBytes(StandardCharsets.US_ASCII));
        } else if (i % 3 == 1) { // headers, half the body
          o.write(("POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
              + facts.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          o.write(facts, 0, facts.length / 2);
        } // else: connected, nothing sent
        o.flush();
        stalled.add(c);
      }
      Thread.sleep(300);
      long t0 = System.nanoTime();
      var r = s.postJson("/v1/decisions", facts);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(seconds < DecisionServer.Limits.READ_SECONDS / 2.0,
          "a decision beside 12 stalled clients took " + seconds + " s: a stalled client held a handler thread");
    } finally {
      for (Socket c : stalled) {
        c.close();
      }
    }
  }

  @Test
  void anAbsurdContentLengthGets413BeforeAnyBodyIsSent() throws Exception {
    try (Socket c = open()) {
      c.getOutputStream().write(("POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 99999999999999\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      c.getOutputStream().flush();
      c.setSoTimeout(5_000);
      String line = statusLine(c);
      assertTrue(line != null && line.startsWith("HTTP/1.1 413"), "got " + line);
    }
  }

  @Test
  void aStalledRequestIsClosedAfterTheReadLimit() throws Exception {
    try (Socket c = open()) {
      c.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow".getBytes(StandardCharsets.US_ASCII));
      c.getOutputStream().flush();
      long t0 = System.nanoTime();
      c.setSoTimeout((DecisionServer.Limits.READ_SECONDS + 5) * 1000);
      int got;
      try {
        got = c.getInputStream().read();
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the stalled request was still open after " + (DecisionServer.Limits.READ_SECONDS + 5) + " s");
      } catch (IOException reset) {
        got = -1;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(-1, got, "the server answered a request whose headers never ended");
      assertTrue(seconds >= DecisionServer.Limits.READ_SECONDS - 1.5, "closed after only " + seconds + " s");
    }
  }

  @Test
  void tooManyOrTooLongHeadersCloseTheConnectionWithoutAnAnswer() throws Exception {
    StringBuilder many = new StringBuilder("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < DecisionServer.Limits.MAX_HEADERS + 5; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    String tooLong = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(DecisionServer.Limits.MAX_HEADER_BYTES) + "\r\n";
    for (String request : List.of(many.toString(), tooLong)) {
      try (Socket c = open()) {
        c.getOutputStream().write((request + "\r\n").getBytes(StandardCharsets.US_ASCII));
        c.getOutputStream().flush();
        String line;
        try {
          line = statusLine(c);
        } catch (IOException reset) {
          line = null;
        }
        assertEquals(null, line, "answered a request over the header limits");
      }
    }
    assertEquals(200, s.get("/healthz").statusCode());
  }
}
