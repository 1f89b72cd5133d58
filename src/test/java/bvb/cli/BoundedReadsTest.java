package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input is read to at most its limit plus one byte: endless or huge inputs end with a clean error. */
class BoundedReadsTest {
  @TempDir Path tmp;

  @Test
  void decideDevZeroIsAFactsErrorNotAHang() {
    CliTest.Run r = CliTest.bvb("decide", "/dev/zero");
    assertEquals(ExitCode.FACTS.code, r.code(), r.err());
    assertTrue(r.err().contains("/dev/zero") && r.err().contains("FACTS-008"), r.err());
  }

  @Test
  void catalogDevZeroIsACatalogErrorNamingIt() {
    CliTest.Run r = CliTest.bvb("tco", "facts-samples/sc-01-chatbot.json", "--catalog", "/dev/zero");
    assertEquals(ExitCode.RULES.code, r.code(), r.err());
    assertTrue(r.err().contains("/dev/zero") && r.err().contains("larger than"), r.err());
  }

  @Test
  void batchOfAnEndlessFileEnds() {
    CliTest.Run r = CliTest.bvb("batch", "/dev/zero");
    assertEquals(ExitCode.FACTS.code, r.code(), r.err());
    assertTrue(r.err().contains("no end within"), r.err());
  }

  @Test
  void batchOfEndlessStdinEnds() {
    InputStream zeros = new InputStream() {
      @Override
      public int read() {
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 0);
        return len;
      }
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"batch", "-"}, new PrintWriter(out), new PrintWriter(err), zeros);
    assertEquals(ExitCode.FACTS.code, code, err.toString());
  }

  @Test
  void batchDirectoryWithASubdirectoryNamedJsonNamesIt() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("facts-samples/sc-05-company-b.json"), dir.resolve("a.json"));
    Files.createDirectories(dir.resolve("b.json"));
    CliTest.Run r = CliTest.bvb("batch", dir.toString(), "--output", "summary");
    assertEquals(ExitCode.FACTS.code, r.code(), r.err());
    assertTrue(r.err().contains(dir.resolve("b.json") + ": BATCH-001") && r.err().contains("directory"), r.err());
    assertTrue(!r.err().contains("internal"), r.err());
  }

  @Test
  void nonUtf8FactFileIsAFactsError() throws Exception {
    Path f = tmp.resolve("utf16.json");
    Files.write(f, "\uFEFF{\"workload\": {\"tokensPerMonth\": 5}}".getBytes(StandardCharsets.UTF_16LE));
    CliTest.Run r = CliTest.bvb("decide", f.toString());
    assertEquals(ExitCode.FACTS.code, r.code(), r.err());
    assertTrue(r.err().contains("not UTF-8"), r.err());
  }

  @Test
  void auditLogThatIsADirectoryExitsSevenNamingIt() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("log.jsonl"));
    CliTest.Run r = CliTest.bvb("decide", "facts-samples/sc-05-company-b.json", "--audit", d.toString());
    assertEquals(ExitCode.AUDIT.code, r.code(), r.err());
    assertTrue(r.err().contains(d.toString()), r.err());
  }

  @Test
  void topLevelNullArrayOrScalarIsAFactsError() throws Exception {
    for (String text : new String[] {"null", "[1]", "5", "\"s\"", "true"}) {
      Path f = tmp.resolve("top.json");
      Files.writeString(f, text + "\n");
      CliTest.Run r = CliTest.bvb("decide", f.toString());
      assertEquals(ExitCode.FACTS.code, r.code(), text + ": " + r.err());
      assertTrue(r.err().contains("FACTS-017") && !r.err().contains("bvb.facts"), r.err());
    }
  }
}
