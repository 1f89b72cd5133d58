package bvb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The PostgreSQL decision store against a real PostgreSQL started by the build. */
class PgAuditStoreTest {
  private final StringWriter errText = new StringWriter();
  private final PrintWriter err = new PrintWriter(errText, true);

  static ObjectNode record(String id) {
    ObjectNode r = Json.MAPPER.createObjectNode();
    r.put("id", id);
    r.put("timestamp", "2026-12-06T01:02:03.456Z");
    r.put("strategy", "API");
    r.put("facts", "{\"a\": 1.5, \"é\": \"\\u0000x\"}");
    r.putObject("decision").put("x", 0.1).putArray("list").add(1).add(2.25);
    return r;
  }

  @Test
  void recordsComeBackInAppendOrderAsTheSameJson() throws Exception {
    try (PgAuditStore store = PgAuditStore.open(EmbeddedPg.get().newDatabase())) {
      List<String> written = new ArrayList<>();
      for (String id : List.of("c-3", "a-1", "b-2")) {
        store.append(record(id));
        written.add(Json.COMPACT.writeValueAsString(record(id)));
      }
      List<String> read = new ArrayList<>();
      store.forEach(err, r -> read.add(Json.COMPACT.writeValueAsString(r)));
      assertEquals(written, read);
      assertEquals(written.get(1), Json.COMPACT.writeValueAsString(store.find("a-1", err)));
      assertEquals("", errText.toString());
    }
  }

  @Test
  void aSecondRecordWithAStoredIdIsRefusedAndNotStored() throws Exception {
    try (PgAuditStore store = PgAuditStore.open(EmbeddedPg.get().newDatabase())) {
      store.append(record("same"));
      ObjectNode other = record("same");
      other.put("strategy", "FINE_TUNE");
      AuditException e = assertThrows(AuditException.class, () -> store.append(other));
      assertTrue(e.getMessage().contains("AUDIT-003") && e.getMessage().contains("same"), e.getMessage());
      assertFalse(store.appendIfAbsent(other));
      List<JsonNode> all = new ArrayList<>();
      store.forEach(err, all::add);
      assertEquals(1, all.size());
      assertEquals("API", all.get(0).path("strategy").asText());
    }
  }

  @Test
  void aUniquePrefixFindsItsRecordAndASharedOneIsAmbiguous() throws Exception {
    try (PgAuditStore store = PgAuditStore.open(EmbeddedPg.get().newDatabase())) {
      store.append(record("abc-1"));
      store.append(record("abd-2"));
      store.append(record("a_%-3")); // LIKE's wildcards are matched as themselves
      assertEquals("abc-1", AuditRecord.id(store.find("abc", err)));
      assertInstanceOf(AuditIndex.Ambiguous.class, store.lookup("ab"));
      assertInstanceOf(AuditIndex.Missing.class, store.lookup("a_c"));
      assertEquals("a_%-3", AuditRecord.id(store.find("a_%", err)));
      AuditException missing = assertThrows(AuditException.class, () -> store.find("zzz", err));
      assertTrue(missing.getMessage().contains("AUDIT-002 no decision with id zzz"), missing.getMessage());
    }
  }

  @Test
  void replicasOpeningAtOnceMigrateTheSchemaOnce() throws Exception {
    String url = EmbeddedPg.get().newDatabase();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<PgAuditStore>> opened = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        opened.add(pool.submit((Callable<PgAuditStore>) () -> PgAuditStore.open(url)));
      }
      for (Future<PgAuditStore> f : opened) {
        try (PgAuditStore s = f.get()) {
          assertEquals(PgAuditStore.MIGRATIONS.size(), s.schemaVersion());
        }
      }
    } finally {
      pool.shutdown();
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM bvb_schema_version")) {
      rs.next();
      assertEquals(PgAuditStore.MIGRATIONS.size(), rs.getInt(1));
    }
  }

  @Test
  void aLargeRecordIsStoredWithLz4WhereTheServerOffersItAndReadBackWhole() throws Exception {
    String url = EmbeddedPg.get().newDatabase();
    ObjectNode big = record("big-1");
    StringBuilder trace = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      trace.append("{\"seq\": ").append(i).append(", \"ruleId\": \"TCO-0").append(i % 97).append("\"} ");
    }
    big.put("trace", trace.toString()); // about 90 KB, as a priced decision's record
    try (PgAuditStore store = PgAuditStore.open(url)) {
      store.append(big);
      assertEquals(Json.COMPACT.writeValueAsString(big), Json.COMPACT.writeValueAsString(store.find("big-1", err)));
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      boolean offered;
      try (ResultSet rs = s.executeQuery(
          "SELECT count(*) FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)")) {
        rs.next();
        offered = rs.getInt(1) == 1;
      }
      try (ResultSet rs = s.executeQuery("SELECT pg_column_compression(record) FROM bvb_decisions WHERE id = 'big-1'")) {
        rs.next();
        String used = rs.getString(1);
        if (offered) {
          assertEquals("lz4", used);
        } else {
          assertTrue(used == null || used.equals("pglz"), used);
        }
      }
    }
  }

  @Test
  void aDatabaseThatCannotBeReachedIsNamedWithItsPasswordMasked() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/bvb?user=bvb&password=s3cret-pw";
    AuditUnavailableException e = assertThrows(AuditUnavailableException.class, () -> PgAuditStore.open(url));
    assertTrue(e.getMessage().startsWith("jdbc:postgresql://127.0.0.1:" + closedPort + "/bvb?user=bvb&password=***: cannot connect"),
        e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void aRecordThatCannotBeStoredLeavesNothingBehind() throws Exception {
    String url = EmbeddedPg.get().newDatabase();
    try (PgAuditStore store = PgAuditStore.open(url)) {
      ObjectNode bad = record("with-nul");
      bad.put("strategy", "API\u0000"); // PostgreSQL text refuses NUL: the INSERT fails whole
      assertThrows(AuditException.class, () -> store.append(bad));
      store.append(record("after"));
      List<String> ids = new ArrayList<>();
      store.forEach(err, r -> ids.add(AuditRecord.id(r)));
      assertEquals(List.of("after"), ids);
    }
  }

  @Test
  void theStoreReconnectsAfterPostgresRestarts() throws Exception {
    EmbeddedPg pg = EmbeddedPg.get();
    try (PgAuditStore store = PgAuditStore.open(pg.newDatabase())) {
      store.append(record("before"));
      pg.stop();
      try {
        assertThrows(AuditUnavailableException.class, () -> store.append(record("while-down")));
      } finally {
        pg.start();
      }
      store.append(record("after"));
      List<String> ids = new ArrayList<>();
      store.forEach(err, r -> ids.add(AuditRecord.id(r)));
      assertEquals(List.of("before", "after"), ids);
    }
  }

  @Test
  void passwordsAreMaskedInEveryUrlForm() {
    assertEquals("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true",
        AuditStore.mask("jdbc:postgresql://h:5432/db?user=u&password=p%40ss&ssl=true"));
    assertEquals("jdbc:postgresql://u:***@h/db", AuditStore.mask("jdbc:postgresql://u:pw@h/db"));
    assertEquals("jdbc:postgresql://h/db?user=u", AuditStore.mask("jdbc:postgresql://h/db?user=u"));
  }
}
