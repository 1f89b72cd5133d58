package bvb.batch;

import bvb.engine.Decision;
import bvb.report.DecisionJson;
import bvb.report.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON line a batch writes for one input line: a decision (full or summary) or an error. */
public final class BatchLine {
  private BatchLine() {}

  public static ObjectNode of(Batch.Outcome o, boolean full, String bvbVersion) {
    return of(o, full, bvbVersion, false);
  }

  /**
   * As above; with {@code withSource} the line also names the file it came from ({@code "source"},
   * after {@code "line"}): for a directory of fact files, where the line number alone does not say.
   */
  public static ObjectNode of(Batch.Outcome o, boolean full, String bvbVersion, boolean withSource) {
    ObjectNode n;
    if (o.ok()) {
      Decision d = o.decision();
      if (full) {
        n = DecisionJson.toJson(d, bvbVersion);
      } else {
        n = Json.MAPPER.createObjectNode();
        n.put("name", d.name());
        n.put("strategy", d.strategy().name());
        n.put("confidence", d.confidence().name());
        var ids = n.putArray("firedRules");
        d.firedRuleIds().forEach(ids::add);
      }
      n.put("line", o.line());
      if (withSource) {
        n.put("source", o.origin());
      }
    } else {
      n = Json.MAPPER.createObjectNode();
      n.put("line", o.line());
      if (withSource) {
        n.put("source", o.origin());
      }
      n.putObject("error").put("code", o.code()).put("message", o.problem());
    }
    return n;
  }
}
