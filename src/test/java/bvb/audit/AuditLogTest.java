package bvb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  static Process appender(Path log, String writer, long count) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AppendLoop.class.getName(),
        log.toString(), writer, Long.toString(count)).redirectErrorStream(true).start();
  }

  @Test
  void recordsAppendAsWholeLinesAndReadBack() throws Exception {
    Path log = dir.resolve("a.jsonl");
    ObjectMapper m = new ObjectMapper();
    for (int i = 0; i < 3; i++) {
      AuditLog.append(log, m.createObjectNode().put("id", "r" + i));
    }
    AuditLog.Scan s = AuditLog.read(log);
    assertEquals(3, s.records().size());
    assertTrue(s.problems().isEmpty());
  }

  @Test
  void tornTailIsReportedAndTheNextAppendStaysWhole() throws Exception {
    Path log = dir.resolve("a.jsonl");
    AuditLog.append(log, new ObjectMapper().createObjectNode().put("id", "r0"));
    Files.writeString(log, "{\"id\":\"r1\",\"pad\":\"xx", java.nio.file.StandardOpenOption.APPEND);
    AuditLog.Scan torn = AuditLog.read(log);
    assertEquals(1, torn.records().size());
    assertEquals("TORN_TAIL", torn.problems().get(0).kind());
    assertEquals(2, torn.problems().get(0).line());
    AuditLog.append(log, new ObjectMapper().createObjectNode().put("id", "r2"));
    AuditLog.Scan after = AuditLog.read(log);
    assertEquals(List.of("r0", "r2"), after.records().stream().map(r -> r.get("id").asText()).toList());
    assertEquals("TORN_RECORD", after.problems().get(0).kind());
  }

  @Test
  void killingAnAppendingProcessNeverLeavesAPartialRecordUndetected() throws Exception {
    Path log = dir.resolve("killed.jsonl");
    int kills = 12;
    for (int k = 0; k < kills; k++) {
      Process p = appender(log, "w" + k, -1);
      BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("started", r.readLine());
      Thread.sleep(20 + 15L * (k % 5));
      p.destroyForcibly();
      assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    }
    AuditLog.Scan s = AuditLog.read(log);
    assertTrue(s.records().size() >= kills, "each run wrote at least one record: " + s.records().size());
    for (var rec : s.records()) {
      assertEquals(4000, rec.get("pad").asText().length(), "whole record " + rec.get("id"));
    }
    for (AuditLog.Problem p : s.problems()) {
      assertTrue(p.kind().startsWith("TORN_"), p.toString());
    }
    AuditLog.append(log, new ObjectMapper().createObjectNode().put("id", "after"));
    var last = AuditLog.read(log).records();
    assertEquals("after", last.get(last.size() - 1).get("id").asText());
    System.out.println("kill test: " + kills + " kills, " + s.records().size() + " whole records, "
        + s.problems().size() + " torn lines detected");
  }

  @Test
  void twoProcessesAppendingAtOnceNeverInterleave() throws Exception {
    Path log = dir.resolve("shared.jsonl");
    Process a = appender(log, "a", 300);
    Process b = appender(log, "b", 300);
    assertEquals(0, a.waitFor());
    assertEquals(0, b.waitFor());
    AuditLog.Scan s = AuditLog.read(log);
    assertTrue(s.problems().isEmpty(), s.problems().toString());
    assertEquals(600, s.records().size());
    Set<String> ids = new HashSet<>();
    s.records().forEach(r -> ids.add(r.get("id").asText()));
    assertEquals(600, ids.size());
  }
}
