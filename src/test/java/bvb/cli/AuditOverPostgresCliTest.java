package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.audit.AuditStore;
import bvb.audit.EmbeddedPg;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit list|show, explain and replay print the same bytes over PostgreSQL as over the JSONL log. */
class AuditOverPostgresCliTest {
  @TempDir Path tmp;

  static final List<String> SAMPLES = List.of(
      "facts-samples/sc-05-company-b.json", "facts-samples/sc-06-company-c.json", "facts-samples/sc-01-chatbot.json");

  static String idOnLine(String line) {
    return line.replaceFirst("^.*?\"id\":\"([^\"]+)\".*$", "$1");
  }

  @Test
  void everyReaderPrintsTheSameOverBothStores() throws Exception {
    String url = EmbeddedPg.get().newDatabase();
    Path file = tmp.resolve("decided.jsonl");
    for (String sample : SAMPLES) {
      CliTest.Run r = CliTest.bvb("decide", sample, "--no-what-if", "--audit", file.toString());
      assertEquals(0, r.code(), r.err());
    }
    CliTest.Run imported = CliTest.bvb("audit", "import", file.toString(), "--audit", url);
    assertEquals(0, imported.code(), imported.err());
    CliTest.Run direct = CliTest.bvb("decide", "facts-samples/sc-04-company-a.json", "--no-what-if", "--audit", url);
    assertEquals(0, direct.code(), direct.err());
    Path exported = tmp.resolve("exported.jsonl");
    CliTest.Run export = CliTest.bvb("audit", "export", "--to", exported.toString(), "--audit", url);
    assertEquals(0, export.code(), export.err());
    assertEquals("exported 4 decision(s) from " + url + " to " + exported + "\n", export.out());

    List<String> lines = Files.readAllLines(exported);
    assertEquals(Files.readAllLines(file), lines.subList(0, 3)); // the imported records, byte for byte
    String id = idOnLine(lines.get(1));
    String strategy = lines.get(1).replaceFirst("^.*?\"strategy\":\"([^\"]+)\".*$", "$1");
    List<List<String>> commands = List.of(
        List.of("audit", "list"),
        List.of("audit", "list", "--strategy", strategy, "--since", "2000-01-01"),
        List.of("audit", "show", id.substring(0, 8)),
        List.of("explain", id),
        List.of("replay", idOnLine(lines.get(3))),
        List.of("replay", "--all"),
        List.of("audit", "show", "ffffffff"));
    for (List<String> command : commands) {
      CliTest.Run overFile = run(command, exported.toString());
      CliTest.Run overPg = run(command, url);
      assertEquals(overFile.code(), overPg.code(), command + ": " + overPg.err());
      assertEquals(overFile.out(), overPg.out(), command.toString());
      assertEquals(overFile.err().replace(exported.toString(), url), overPg.err(), command.toString());
    }
    assertTrue(run(List.of("replay", "--all"), url).out().endsWith("4 replayed, 4 same, 0 differ or could not be replayed, 0 flip strategy\n"));
  }

  private static CliTest.Run run(List<String> command, String store) {
    String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--audit", store)).toArray(String[]::new);
    return CliTest.bvb(args);
  }

  @Test
  void importingTwiceStoresEachDecisionOnceAndSaysSo() throws Exception {
    String url = EmbeddedPg.get().newDatabase();
    Path file = tmp.resolve("decided.jsonl");
    for (String sample : SAMPLES.subList(0, 2)) {
      assertEquals(0, CliTest.bvb("decide", sample, "--no-what-if", "--audit", file.toString()).code());
    }
    CliTest.Run first = CliTest.bvb("audit", "import", file.toString(), "--audit", url);
    assertEquals("imported 2 decision(s) into " + url + ", 0 already present (skipped)\n", first.out(), first.err());
    CliTest.Run again = CliTest.bvb("audit", "import", file.toString(), "--audit", url);
    assertEquals("imported 0 decision(s) into " + url + ", 2 already present (skipped)\n", again.out(), again.err());
    assertEquals(2, CliTest.bvb("audit", "list", "--audit", url).out().lines().count());

    // and back into a JSONL log: the same lines, and again nothing twice
    Path back = tmp.resolve("back.jsonl");
    Path exported = tmp.resolve("exported.jsonl");
    assertEquals(0, CliTest.bvb("audit", "export", "--to", exported.toString(), "--audit", url).code());
    assertEquals(0, CliTest.bvb("audit", "import", exported.toString(), "--audit", back.toString()).code());
    CliTest.Run backAgain = CliTest.bvb("audit", "import", exported.toString(), "--audit", back.toString());
    assertTrue(backAgain.out().startsWith("imported 0 decision(s) into " + back + ", 2 already present"), backAgain.out());
    assertEquals(Files.readAllLines(file), Files.readAllLines(back));
  }

  @Test
  void exportNeverOverwritesAFile() throws Exception {
    String url = EmbeddedPg.get().newDatabase();
    Path existing = Files.writeString(tmp.resolve("kept.jsonl"), "kept\n");
    CliTest.Run r = CliTest.bvb("audit", "export", "--to", existing.toString(), "--audit", url);
    assertEquals(ExitCode.AUDIT.code, r.code());
    assertTrue(r.err().contains(existing + ": already exists"), r.err());
    assertEquals("kept\n", Files.readString(existing));
  }

  @Test
  void anUnreachableDatabaseEndsDecideWithItsMaskedUrlAndNoFileFallBack() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/bvb?user=bvb&password=topsecret";
    Path cwdLog = Path.of(".bvb", "audit.jsonl");
    long before = Files.exists(cwdLog) ? Files.size(cwdLog) : -1;
    CliTest.Run r = CliTest.bvb("decide", "facts-samples/sc-05-company-b.json", "--no-what-if", "--audit", url);
    assertEquals(ExitCode.AUDIT.code, r.code());
    assertTrue(r.err().contains("password=***: cannot connect to PostgreSQL"), r.err());
    assertFalse(r.err().contains("topsecret") || r.out().contains("topsecret"), r.err());
    assertEquals(before, Files.exists(cwdLog) ? Files.size(cwdLog) : -1);
    CliTest.Run list = CliTest.bvb("audit", "list", "--audit", url);
    assertEquals(ExitCode.AUDIT.code, list.code());
    assertFalse(list.err().contains("topsecret"), list.err());
  }

  @Test
  void serveWithAnUnreachableDatabaseExitsBeforeLoadingRulesNamingTheMaskedUrl() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/bvb?user=bvb&password=topsecret";
    CliTest.Run r = CliTest.bvb("serve", "--port", "0", "--warmup", "0", "--audit", url);
    assertEquals(ExitCode.AUDIT.code, r.code(), r.err());
    assertTrue(r.err().contains("jdbc:postgresql://127.0.0.1:" + closedPort + "/bvb?user=bvb&password=***: cannot connect"), r.err());
    assertFalse(r.err().contains("topsecret"), r.err());
    assertFalse(r.err().contains("listening"), r.err());
  }

  @Test
  void theAuditOptionWinsOverTheEnvironmentWhichWinsOverTheDefaultFile() {
    Map<String, String> env = Map.of(AuditStore.ENV, "jdbc:postgresql://db/bvb");
    assertEquals("x.jsonl", AuditStore.resolve("x.jsonl", env, ".bvb/audit.jsonl"));
    assertEquals("jdbc:postgresql://db/bvb", AuditStore.resolve(null, env, ".bvb/audit.jsonl"));
    assertEquals(".bvb/audit.jsonl", AuditStore.resolve(null, Map.of(AuditStore.ENV, " "), ".bvb/audit.jsonl"));
  }
}
