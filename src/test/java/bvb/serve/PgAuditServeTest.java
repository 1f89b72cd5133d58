package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.audit.AuditRecord;
import bvb.audit.EmbeddedPg;
import bvb.audit.PgAuditStore;
import bvb.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two servers sharing one PostgreSQL decision table, and what a server does while PostgreSQL is down. */
class PgAuditServeTest {
  static final byte[] FACTS = read("facts-samples/sc-05-company-b.json");

  static byte[] read(String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aDecisionLoggedByOneReplicaIsServedByTheOther() throws Exception {
    String url = EmbeddedPg.get().newDatabase();
    try (PgAuditStore storeA = PgAuditStore.open(url); PgAuditStore storeB = PgAuditStore.open(url);
        ServerHarness a = ServerHarness.withStore(Path.of("rules"), storeA);
        ServerHarness b = ServerHarness.withStore(Path.of("rules"), storeB)) {
      HttpResponse<String> posted = a.postJson("/v1/decisions", FACTS);
      assertEquals(200, posted.statusCode(), posted.body());
      String id = posted.headers().firstValue("X-Bvb-Decision-Id").orElseThrow();
      HttpResponse<String> got = b.get("/v1/decisions/" + id);
      assertEquals(200, got.statusCode(), got.body());
      JsonNode record = Json.MAPPER.readTree(got.body());
      assertEquals(id, AuditRecord.id(record));
      assertEquals(new String(FACTS, java.nio.charset.StandardCharsets.UTF_8), record.path("facts").asText());
      assertEquals(200, b.get("/v1/decisions/" + id.substring(0, 8)).statusCode());
      assertEquals(404, b.get("/v1/decisions/ffffffff").statusCode());
    }
  }

  @Test
  void whilePostgresIsDownDecisionsGet503WithoutAnAnswerAndServingResumesWhenItIsBack() throws Exception {
    EmbeddedPg pg = EmbeddedPg.get();
    String url = pg.newDatabase();
    try (PgAuditStore store = PgAuditStore.open(url); ServerHarness s = ServerHarness.withStore(Path.of("rules"), store)) {
      HttpResponse<String> before = s.postJson("/v1/decisions", FACTS);
      assertEquals(200, before.statusCode(), before.body());
      String id = before.headers().firstValue("X-Bvb-Decision-Id").orElseThrow();
      List<HttpResponse<String>> down = new ArrayList<>();
      pg.stop();
      try {
        down.add(s.postJson("/v1/decisions", FACTS));
        down.add(s.postJson("/v1/decisions", FACTS));
        down.add(s.get("/v1/decisions/" + id));
      } finally {
        pg.start();
      }
      for (HttpResponse<String> r : down) {
        assertEquals(503, r.statusCode(), r.body());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals("AUDIT_UNAVAILABLE", body.path("code").asText(), r.body());
        assertFalse(body.has("recommendation"), r.body());
        assertTrue(r.headers().firstValue("X-Bvb-Decision-Id").isEmpty());
      }
      assertTrue(s.errText.toString().contains("cannot connect to PostgreSQL"), s.errText.toString());
      HttpResponse<String> after = s.postJson("/v1/decisions", FACTS);
      assertEquals(200, after.statusCode(), after.body());
      assertEquals(200, s.get("/v1/decisions/" + id).statusCode());
      List<String> stored = new ArrayList<>();
      store.forEach(s.err, r -> stored.add(AuditRecord.id(r)));
      assertEquals(List.of(id, after.headers().firstValue("X-Bvb-Decision-Id").orElseThrow()), stored);
    }
  }
}
