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

  /** Reads the whole log into memory, reporting every torn or corrupt line on {@code err}. */
  public static List<JsonNode> records(Path file, PrintWriter err) throws IOException {
    List<JsonNode> decisions = new java.util.ArrayList<>();
    forEach(file, err, decisions::add);
    return decisions;
  }

  /** A consumer of decision records that may fail with an I/O error. */
  public interface RecordConsumer {
    void accept(JsonNode record) throws IOException;
  }

  /**
   * Hands every decision record to {@code each}, in file order, one at a time (memory stays flat
   * in the log's size), reporting every torn or corrupt line on {@code err}.
   */
  public static void forEach(Path file, PrintWriter err, RecordConsumer each) throws IOException {
    requireLog(file);
    AuditLog.stream(file, new AuditLog.Visitor() {
      @Override
      public void record(int line, long offset, JsonNode r) throws IOException {
        if (isDecision(r)) {
          each.accept(r);
        } else {
          err.println("warning: " + file + ":" + line + ": record " + AuditRecord.id(r)
              + ": CORRUPT_RECORD whole JSON but not a decision record (no facts or decision): skipped");
        }
      }

      @Override
      public void problem(AuditLog.Problem p) {
        err.println("warning: " + p.render(file));
      }
    });
    err.flush();
  }

  /**
   * The one decision whose id is {@code id} or starts with it, found by reading only each line's
   * id (the matching record alone is parsed whole).
   */
  public static JsonNode find(Path file, String id, PrintWriter err) throws IOException {
    requireLog(file);
    List<Long> exact = new java.util.ArrayList<>();
    List<Long> prefixed = new java.util.ArrayList<>();
    AuditLog.Visitor problems = new AuditLog.Visitor() {
      @Override
      public void record(int line, long offset, JsonNode record) {}

      @Override
      public void problem(AuditLog.Problem p) {
        err.println("warning: " + p.render(file));
      }
    };
    AuditLog.lines(file, 0, 0, (number, offset, bytes, length, last) -> {
      String got = AuditLog.idOf(bytes, length);
      if (got == null) {
        AuditLog.parseLine(number, bytes, length, last, problems); // reports what the line is
      } else if (got.equals(id)) {
        exact.add(offset);
      } else if (got.startsWith(id) && prefixed.size() < 2) {
        prefixed.add(offset);
      }
    }, problems);
    err.flush();
    List<Long> hits = exact.isEmpty() ? prefixed : exact;
    if (hits.size() != 1) {
      throw new AuditException(file + ": AUDIT-002 " + (hits.isEmpty() ? "no decision with id " : "several decisions match id ") + id);
    }
    JsonNode r = AuditLog.recordAt(file, hits.get(0));
    if (r == null || !isDecision(r)) {
      throw new AuditException(file + ": AUDIT-002 record " + id + " is not a whole decision record");
    }
    return r;
  }

  static boolean isDecision(JsonNode r) {
    return r.path("facts").isTextual() && r.path("decision").isObject();
  }

  private static void requireLog(Path file) {
    if (!Files.exists(file)) {
      throw new AuditException(file + ": AUDIT-001 no decision log here (decide with --audit first)");
    }
  }

  public static JsonNode find(List<JsonNode> records, String id, Path file) {
    List<JsonNode> hits = records.stream().filter(r -> AuditRecord.id(r).equals(id)).toList();
    if (hits.isEmpty()) {
      hits = records.stream().filter(r -> AuditRecord.id(r).startsWith(id)).toList();
    }
    if (hits.size() != 1) {
      throw new AuditException(file + ": AUDIT-002 " + (hits.isEmpty() ? "no decision with id " : "several decisions match id ") + id);
    }
    return hits.get(0);
  }

  /**
   * Whether a record passes the list filters. A record whose timestamp cannot be read never
   * passes a {@code since} filter (the caller warns about it).
   */
  public static boolean matches(JsonNode r, LocalDate since, String strategy) {
    if (since != null) {
      Instant t = timestamp(r);
      if (t == null || t.isBefore(since.atStartOfDay().toInstant(ZoneOffset.UTC))) {
        return false;
      }
    }
    return strategy == null || strategy.equals(r.path("strategy").asText());
  }

  /** The record's timestamp, or null when it is missing or not an ISO-8601 instant. */
  public static Instant timestamp(JsonNode r) {
    try {
      return Instant.parse(r.path("timestamp").asText());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
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
