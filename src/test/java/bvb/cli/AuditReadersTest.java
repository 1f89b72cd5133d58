package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit readers stream the log, tell foreign lines from torn ones, and survive odd records. */
class AuditReadersTest {
  @TempDir Path tmp;

  Path logWithTwoDecisions() throws Exception {
    Path log = tmp.resolve("audit.jsonl");
    for (int i = 0; i < 2; i++) {
      CliTest.Run r = CliTest.bvb("decide", "facts-samples/sc-05-company-b.json", "--no-what-if", "--audit", log.toString());
      assertEquals(0, r.code(), r.err());
    }
    return log;
  }

  @Test
  void listSinceWarnsAboutABadTimestampAndListsTheRest() throws Exception {
    Path log = logWithTwoDecisions();
    String first = Files.readAllLines(log).get(0);
    String bad = first.replaceFirst("\"timestamp\":\"[^\"]+\"", "\"timestamp\":\"yesterday\"")
        .replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"bad-time\"");
    Files.writeString(log, bad + "\n", StandardOpenOption.APPEND);
    CliTest.Run r = CliTest.bvb("audit", "list", "--audit", log.toString(), "--since", "2000-01-01");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, r.out().lines().count(), r.out());
    assertTrue(r.err().contains("bad-time") && r.err().contains("BAD_TIMESTAMP"), r.err());
  }

  @Test
  void foreignJsonLinesAreNotCalledTorn() throws Exception {
    Path log = logWithTwoDecisions();
    Files.writeString(log, "{}\nnull\n[1]\n{\"id\":\"x\",\"torn\":\n", StandardOpenOption.APPEND);
    CliTest.Run r = CliTest.bvb("audit", "list", "--audit", log.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(2, r.out().lines().count(), r.out());
    assertEquals(3, r.err().lines().filter(l -> l.contains("NOT_A_RECORD")).count(), r.err());
    assertEquals(1, r.err().lines().filter(l -> l.contains("TORN_")).count(), r.err());
  }

  @Test
  void showAndExplainFindOneRecordByPrefixAndNameAMissingOne() throws Exception {
    Path log = logWithTwoDecisions();
    String id = Files.readAllLines(log).get(1).replaceFirst("^.*?\"id\":\"([^\"]+)\".*$", "$1");
    CliTest.Run show = CliTest.bvb("audit", "show", id.substring(0, 8), "--audit", log.toString());
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains(id));
    CliTest.Run explain = CliTest.bvb("explain", id, "--audit", log.toString());
    assertEquals(0, explain.code(), explain.err());
    CliTest.Run missing = CliTest.bvb("audit", "show", "ffffffff", "--audit", log.toString());
    assertEquals(ExitCode.AUDIT.code, missing.code(), missing.err());
    assertTrue(missing.err().contains("AUDIT-002"), missing.err());
  }

  @Test
  void aDirectoryAsTheLogIsAnAuditErrorNamingIt() {
    CliTest.Run r = CliTest.bvb("audit", "list", "--audit", tmp.toString());
    assertEquals(ExitCode.AUDIT.code, r.code(), r.err());
    assertTrue(r.err().contains(tmp.toString()) && r.err().contains("directory"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
