package bvb.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Reading the decision log: list, find by id, explain. */
public final class AuditQueries {
  private AuditQueries() {}

  /** Reads the log, reporting every torn or corrupt line on {@code err}. */
  public static List<JsonNode> records(Path file, PrintWriter err) throws IOException {
    if (!Files.exists(file)) {
      throw new AuditException(file + ": AUDIT-001 no decision log here (decide with --audit first)");
    }
    AuditLog.Scan scan = AuditLog.read(file);
    scan.problems().forEach(p -> err.println("warning: " + p.render(file)));
    List<JsonNode> decisions = new java.util.ArrayList<>();
    for (JsonNode r : scan.records()) {
      if (r.path("facts").isTextual() && r.path("decision").isObject()) {
        decisions.add(r);
      } else {
        err.println("warning: " + file + ": record " + AuditRecord.id(r)
            + ": CORRUPT_RECORD whole JSON but not a decision record (no facts or decision): skipped");
      }
    }
    err.flush();
    return decisions;
  }

  public static JsonNode find(List<JsonNode> records, String id, Path file) {
    List<JsonNode> hits = records.stream().filter(r -> AuditRecord.id(r).startsWith(id)).toList();
    if (hits.size() != 1) {
      throw new AuditException(file + ": AUDIT-002 " + (hits.isEmpty() ? "no decision with id " : "several decisions match id ") + id);
    }
    return hits.get(0);
  }

  public static boolean matches(JsonNode r, LocalDate since, String strategy) {
    if (since != null) {
      Instant t = Instant.parse(r.path("timestamp").asText());
      if (t.isBefore(since.atStartOfDay().toInstant(ZoneOffset.UTC))) {
        return false;
      }
    }
    return strategy == null || strategy.equals(r.path("strategy").asText());
  }

  /** A readable rationale from the rule metadata and the values each rule's conclusions carry. */
  public static void explain(JsonNode r, PrintWriter out) {
    JsonNode d = r.path("decision");
    out.println("Decision " + AuditRecord.id(r) + " of " + r.path("timestamp").asText() + " (" + r.path("factsOrigin").asText() + ")");
    out.println("Recommended " + d.at("/recommendation/strategy").asText() + " with confidence "
        + d.at("/recommendation/confidence").asText() + ", decided by " + d.at("/recommendation/path").asText() + ".");
    out.println();
    for (JsonNode f : d.path("firedRules")) {
      StringBuilder matched = new StringBuilder();
      f.path("matched").forEach(m -> matched.append(matched.length() == 0 ? "" : ", ").append(m.path("type").asText()));
      out.println(f.path("seq").asInt() + ". " + f.path("ruleId").asText() + " fired (" + f.path("phase").asText()
          + " phase) on " + matched + ":");
      for (JsonNode c : f.path("produced")) {
        // format 2 records point into the decision; format 1 records carry the conclusion itself
        out.println("     " + describe(c.has("ref") ? d.at(c.get("ref").asText()) : c, c.path("kind").asText()));
      }
      out.println("     source: " + f.path("source").asText());
    }
    out.println();
    out.println("Rule set " + r.path("ruleSetSha256").asText() + ", facts " + r.path("factsSha256").asText()
        + ", bvb " + r.path("bvbVersion").asText() + ", Drools " + r.path("droolsVersion").asText());
    out.flush();
  }

  private static String describe(JsonNode c, String kind) {
    String head = switch (kind) {
      case "verdict" -> "verdict " + c.path("strategy").asText() + " (" + c.path("strength").asText() + ")";
      case "reason" -> (c.path("favours").asBoolean() ? "reason for " : "reason against ") + c.path("strategy").asText();
      case "warning", "nextStep" -> kind + " " + c.path("code").asText();
      case "excluded" -> "rules out " + c.path("family").asText();
      case "conflict" -> "conflict " + c.path("id").asText();
      case "recommendation" -> "recommends " + c.path("strategy").asText();
      default -> kind;
    };
    return "-> " + head + " because " + c.path("text").asText();
  }
}
