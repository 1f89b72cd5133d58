package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.audit.EmbeddedPg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * batch --audit over PostgreSQL: the store is opened once, every decided line is in the table
 * before its output line is written, and a database that cannot be reached stops the batch before
 * anything is decided. Also what the readers say about an empty table and an empty or missing file.
 */
class BatchAuditPgCliTest {
  @TempDir Path tmp;

  static final ObjectMapper M = new ObjectMapper();

  static final List<String> SAMPLES = List.of(
      "facts-samples/sc-05-company-b.json", "facts-samples/sc-06-company-c.json",
      "facts-samples/sc-01-chatbot.json", "facts-samples/sc-04-company-a.json");

  static String oneLine(String sample) throws IOException {
    return Files.readString(Path.of(sample)).replace("\n", " ") + "\n";
  }

  /** The table's rows in append order: id, factsOrigin, strategy. */
  static List<String[]> rows(String url) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, record FROM bvb_decisions ORDER BY seq")) {
      while (rs.next()) {
        JsonNode r = M.readTree(rs.getString(2));
        assertEquals(rs.getString(1), r.get("id").asText());
        rows.add(new String[] {rs.getString(1), r.get("factsOrigin").asText(), r.get("strategy").asText()});
      }
    }
    return rows;
  }

  /** Output line number -> strategy, for the decided lines of a batch's stdout. */
  static Map<Long, String> decided(String out) throws IOException {
    Map<Long, String> byLine = new TreeMap<>();
    for (String l : out.lines().toList()) {
      JsonNode n = M.readTree(l);
      if (!n.has("error")) {
        byLine.put(n.get("line").asLong(), n.get("strategy").asText());
      }
    }
    return byLine;
  }

  @Test
  void batchAppendsEveryDecidedLineToTheTableAndAuditListShowsThem() throws Exception {
    String url = EmbeddedPg.get().newDatabase();
    StringBuilder in = new StringBuilder();
    for (String sample : SAMPLES) {
      in.append(oneLine(sample));
    }
    in.append("{not json\n"); // line 5: fails, appends nothing
    in.append(oneLine(SAMPLES.get(0))); // line 6: the same facts again, a record of its own
    CliTest.Run r = CliTest.bvbWithInput(in.toString(), "batch", "-", "--output", "summary", "--threads", "2",
        "--audit", url);
    assertEquals(ExitCode.FACTS.code, r.code(), r.err()); // one line failed
    assertTrue(r.err().contains("batch: 5 decided, 1 failed"), r.err());
    assertEquals(6, r.out().lines().count(), r.out());

    Map<Long, String> decided = decided(r.out());
    assertEquals(List.of(1L, 2L, 3L, 4L, 6L), List.copyOf(decided.keySet()));
    List<String[]> rows = rows(url);
    assertEquals(5, rows.size());
    List<Long> lines = new ArrayList<>();
    for (String[] row : rows) {
      long line = Long.parseLong(row[1].replace("<stdin>:", ""));
      lines.add(line);
      assertEquals(decided.get(line), row[2], "the record of line " + line + " holds its decision");
    }
    assertEquals(List.copyOf(decided.keySet()), lines, "appended in input order, one record per decided line");
    assertEquals(5, rows.stream().map(row -> row[0]).distinct().count());

    CliTest.Run list = CliTest.bvb("audit", "list", "--audit", url);
    assertEquals(0, list.code(), list.err());
    assertEquals(rows.stream().map(row -> row[0]).toList(),
        list.out().lines().map(l -> l.substring(0, l.indexOf(' '))).toList());
    assertTrue(list.out().lines().allMatch(l -> l.contains("<stdin>:")), list.out());
  }

  @Test
  void anUnreachableDatabaseStopsTheBatchAtStartWithNothingDecided() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:1/bvb?user=bvb&password=topsecret";
    CliTest.Run r = CliTest.bvbWithInput(oneLine(SAMPLES.get(0)) + oneLine(SAMPLES.get(1)), "batch", "-", "--audit", url);
    assertEquals(ExitCode.AUDIT.code, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: jdbc:postgresql://127.0.0.1:1/bvb?user=bvb&password=***: cannot connect to PostgreSQL"),
        r.err());
    assertFalse(r.err().contains("topsecret"), r.err());
    assertFalse(r.err().contains("decided"), r.err()); // no summary: nothing was decided
  }

  @Test
  void aDatabaseLostMidBatchStopsItLikeAFailedFileAppendWithEveryWrittenLineStored() throws Exception {
    EmbeddedPg pg = EmbeddedPg.get();
    String url = pg.newDatabase();
    String line = oneLine(SAMPLES.get(1));
    // six lines a little apart (so that the first ones are decided and delivered), then the
    // database stops, then six more lines
    InputStream in = new InputStream() {
      int served;
      byte[] current = new byte[0];
      int pos;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos == current.length) {
          if (served == 12) {
            return -1;
          }
          try {
            if (served > 0 && served < 6) {
              Thread.sleep(300);
            } else if (served == 6) {
              Thread.sleep(300);
              pg.stop();
            }
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
          current = line.getBytes(StandardCharsets.UTF_8);
          pos = 0;
          served++;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
      }
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try {
      code = Main.run(new String[] {"batch", "-", "--output", "summary", "--audit", url},
          new PrintWriter(out), new PrintWriter(err), in);
    } finally {
      pg.start();
    }
    assertEquals(ExitCode.AUDIT.code, code, err.toString());
    assertTrue(err.toString().startsWith("error: " + url + ": cannot append the decision record "), err.toString());
    assertTrue(err.toString().contains("(nothing was stored)"), err.toString());
    long written = out.toString().lines().count();
    List<String[]> rows = rows(url);
    assertEquals(written, rows.size(), "every line written was stored, and nothing else: " + out);
    assertTrue(written >= 1 && written < 12, out.toString());
    List<Long> lines = new ArrayList<>(decided(out.toString()).keySet());
    assertEquals(lines, rows.stream().map(row -> Long.parseLong(row[1].replace("<stdin>:", ""))).toList());
  }

  @Test
  void aFailedFileAppendStopsTheBatchWithExit7AndItsLineUnwritten() throws Exception {
    Path notALog = Files.createDirectory(tmp.resolve("audit.jsonl"));
    CliTest.Run r = CliTest.bvbWithInput(oneLine(SAMPLES.get(0)) + oneLine(SAMPLES.get(1)), "batch", "-", "--audit", notALog.toString());
    assertEquals(ExitCode.AUDIT.code, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals("error: " + notALog + ": is a directory, not a decision log\n", r.err());
  }

  @Test
  void batchAppendsToAJsonlFileAsBeforeAndWithoutAuditAppendsNothing() throws Exception {
    Path log = tmp.resolve("logs").resolve("audit.jsonl");
    String in = oneLine(SAMPLES.get(0)) + oneLine(SAMPLES.get(2));
    CliTest.Run r = CliTest.bvbWithInput(in, "batch", "-", "--audit", log.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(2, Files.readAllLines(log).size());
    CliTest.Run none = CliTest.bvbWithInput(in, "batch", "-");
    assertEquals(0, none.code(), none.err());
    assertEquals(2, Files.readAllLines(log).size());
    CliTest.Run list = CliTest.bvb("audit", "list", "--audit", log.toString());
    assertEquals(List.of("<stdin>:1", "<stdin>:2"), list.out().lines().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
  }

  @Test
  void anEmptyTableListsLikeAnEmptyLogFileWhileAMissingFileIsAudit001() throws Exception {
    String url = EmbeddedPg.get().newDatabase(); // no table yet: opening creates it, empty
    Path empty = Files.createFile(tmp.resolve("empty.jsonl"));
    Path missing = tmp.resolve("missing.jsonl");

    CliTest.Run overFile = CliTest.bvb("audit", "list", "--audit", empty.toString());
    assertEquals(0, overFile.code(), overFile.err());
    assertEquals("", overFile.out());
    assertEquals("", overFile.err());
    for (int i = 0; i < 2; i++) { // a database bvb never wrote to, then the (now created) empty table
      CliTest.Run overPg = CliTest.bvb("audit", "list", "--audit", url);
      assertEquals(overFile, overPg);
    }
    assertEquals(0, rows(url).size());

    CliTest.Run overMissing = CliTest.bvb("audit", "list", "--audit", missing.toString());
    assertEquals(ExitCode.AUDIT.code, overMissing.code());
    assertEquals("error: " + missing + ": AUDIT-001 no decision log here (decide with --audit first)\n", overMissing.err());
    assertFalse(Files.exists(missing));

    // show and replay: the same over the empty table as over the empty file
    for (List<String> command : List.of(List.of("audit", "show", "ffffffff"), List.of("replay", "--all"))) {
      CliTest.Run f = run(command, empty.toString());
      CliTest.Run p = run(command, url);
      assertEquals(f.code(), p.code(), command + ": " + p.err());
      assertEquals(f.out(), p.out(), command.toString());
      assertEquals(f.err().replace(empty.toString(), url), p.err(), command.toString());
    }
  }

  private static CliTest.Run run(List<String> command, String store) {
    String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--audit", store)).toArray(String[]::new);
    return CliTest.bvb(args);
  }
}
