package bvb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditIndexTest {
  static final ObjectMapper M = new ObjectMapper();
  @TempDir Path dir;
  final List<AuditLog.Problem> problems = new ArrayList<>();

  void append(Path log, String id, String payload) throws Exception {
    AuditLog.append(log, M.createObjectNode().put("pad", payload).put("id", id));
  }

  static String idOf(AuditIndex.Lookup l) {
    return ((AuditIndex.Found) l).record().get("id").asText();
  }

  @Test
  void findsRecordsByIdOrUniquePrefixAndFollowsAppendsByAnyWriter() throws Exception {
    Path log = dir.resolve("a.jsonl");
    AuditIndex index = new AuditIndex(log, problems::add);
    assertInstanceOf(AuditIndex.Missing.class, index.find("abc"), "no log yet");
    append(log, "abc-1", "x".repeat(100_000)); // the id comes after a long field
    append(log, "abd-2", "y");
    assertEquals("abc-1", idOf(index.find("abc-1")));
    assertEquals("abc-1", idOf(index.find("abc")));
    assertInstanceOf(AuditIndex.Ambiguous.class, index.find("ab"));
    append(log, "zzz-3", "z");
    assertEquals("zzz-3", idOf(index.find("zzz")), "a record appended after the first lookup is found");
    assertEquals(3, index.size());
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void anUnfinishedLastLineIsIndexedOnceItsLineEndIsWritten() throws Exception {
    Path log = dir.resolve("a.jsonl");
    AuditIndex index = new AuditIndex(log, problems::add);
    append(log, "r0", "a");
    Files.writeString(log, "{\"id\":\"r1\",\"pad\":\"b\"}", StandardOpenOption.APPEND);
    assertInstanceOf(AuditIndex.Missing.class, index.find("r1"));
    Files.writeString(log, "\n", StandardOpenOption.APPEND);
    assertEquals("r1", idOf(index.find("r1")));
  }

  @Test
  void tornAndForeignLinesAreReportedOnceAndSkipped() throws Exception {
    Path log = dir.resolve("a.jsonl");
    AuditIndex index = new AuditIndex(log, problems::add);
    append(log, "r0", "a");
    Files.writeString(log, "{\"id\":\"r1\",\"pad\":\n{}\nnull\n", StandardOpenOption.APPEND);
    append(log, "r2", "c");
    assertEquals("r2", idOf(index.find("r2")));
    assertInstanceOf(AuditIndex.Missing.class, index.find("r1"));
    assertEquals(List.of("TORN_RECORD", "NOT_A_RECORD", "NOT_A_RECORD"), problems.stream().map(AuditLog.Problem::kind).toList());
    assertEquals(List.of(2, 3, 4), problems.stream().map(AuditLog.Problem::line).toList());
  }

  @Test
  void aReplacedOrTruncatedLogIsIndexedAgain() throws Exception {
    Path log = dir.resolve("a.jsonl");
    AuditIndex index = new AuditIndex(log, problems::add);
    append(log, "old-1", "a");
    append(log, "old-2", "b");
    assertEquals("old-2", idOf(index.find("old-2")));
    Path fresh = dir.resolve("b.jsonl");
    append(fresh, "new-1", "c");
    Files.move(fresh, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertInstanceOf(AuditIndex.Missing.class, index.find("old-2"));
    assertEquals("new-1", idOf(index.find("new")));
  }
}
