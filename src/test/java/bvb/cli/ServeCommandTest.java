package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** bvb serve's defaults: loopback only, port 8080, the rules directory, no audit log. */
class ServeCommandTest {
  @Test
  void defaultsToLoopbackOnly() {
    CommandLine cl = Main.commandLine(new String[] {"serve"}, System.in);
    CommandLine.ParseResult p = cl.parseArgs("serve");
    ServeCommand serve = (ServeCommand) p.subcommand().commandSpec().userObject();
    assertEquals("127.0.0.1", serve.bind);
    assertEquals(8080, serve.port);
    assertEquals(500, serve.pollMillis);
    assertNull(serve.audit);
    assertEquals(20000, serve.warmupDecisions);
  }

  @Test
  void aTakenPortIsAUsageErrorNamingTheAddressBeforeTheRulesLoadOrAnyWarmUp() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      long t0 = System.nanoTime();
      CliTest.Run r = CliTest.bvb("serve", "--port", String.valueOf(taken.getLocalPort()));
      assertEquals(ExitCode.USAGE.code, r.code(), r.err());
      assertTrue(r.err().startsWith("--bind 127.0.0.1 --port " + taken.getLocalPort() + ": cannot listen on 127.0.0.1:"
          + taken.getLocalPort() + ": "), r.err());
      assertFalse(r.err().contains("warmed up"), r.err());
      assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "answered before a warm-up could run");
    }
  }

  @Test
  void aPortOutOfRangeOrAnUnknownBindHostIsAUsageError() {
    CliTest.Run range = CliTest.bvb("serve", "--port", "70000");
    assertEquals(ExitCode.USAGE.code, range.code(), range.err());
    assertTrue(range.err().startsWith("--port must be 0-65535, got 70000"), range.err());
    CliTest.Run host = CliTest.bvb("serve", "--bind", "no-such-host.invalid", "--port", "0");
    assertEquals(ExitCode.USAGE.code, host.code(), host.err());
    assertTrue(host.err().startsWith("--bind no-such-host.invalid: unknown host name"), host.err());
  }
}
