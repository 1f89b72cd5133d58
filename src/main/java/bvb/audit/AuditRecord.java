package bvb.audit;

import bvb.engine.Decision;
import bvb.report.DecisionJson;
import bvb.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** Builds one decision-log record: everything needed to reproduce and check the decision later. */
public final class AuditRecord {
  private AuditRecord() {}

  public static ObjectNode of(
      Decision d, String factsOrigin, byte[] factsBytes, String bvbVersion, String droolsVersion, Instant now) {
    ObjectNode r = Json.MAPPER.createObjectNode();
    r.put("id", UUID.randomUUID().toString());
    r.put("timestamp", now.toString());
    r.put("bvbVersion", bvbVersion);
    r.put("droolsVersion", droolsVersion);
    r.put("ruleSetSha256", d.ruleSetHash());
    r.put("catalogSha256", d.tco() == null ? null : d.tco().catalogSha256());
    r.put("factsOrigin", factsOrigin);
    r.put("factsSha256", sha256(factsBytes));
    r.put("facts", new String(factsBytes, StandardCharsets.UTF_8));
    r.put("strategy", d.strategy().name());
    r.set("decision", DecisionJson.toJson(d, bvbVersion));
    return r;
  }

  public static String id(JsonNode record) {
    return record.path("id").asText();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
