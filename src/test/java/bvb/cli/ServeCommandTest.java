package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
