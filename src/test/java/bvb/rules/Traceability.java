package bvb.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of {@code rules/TRACEABILITY.md}: every rule id of the catalogue's section 1 with its
 * source document, whether a rule encodes it, and in which rule files (with the rule ids) or why
 * not. An id is encoded only when a rule carries it as {@code @id}; bvb's variants such as
 * {@code TREE-001.U} or {@code C-04.1} count toward their base id.
 */
final class Traceability {
  static final Path FILE = Path.of("rules", "TRACEABILITY.md");
  static final String REGENERATE =
      "mvn -q -B test -Dtest=TraceabilityTest -Dbvb.documents=../shared/seeds -Dbvb.writeTraceability=true";

  private static final Pattern CATALOGUE_ID = Pattern.compile("^\\| ([A-Z]+-\\d{3}) \\| (\\d{3})_", Pattern.MULTILINE);
  private static final Pattern BASE_ID = Pattern.compile("^[A-Z]+-\\d{3}");

  /** Why an id is not encoded, by id. */
  private static final Map<String, String> REASONS = Map.of(
      "TOK-003", "needs TCO facts (engineer loaded cost, blended API price): not encoded",
      "DATA-013", "INFO only: survey figure, context for reason text",
      "CUST-014", "listed for completeness in the catalogue (see TOK-004, DEF-011, SWITCH-003)",
      "TEAM-006", "part of TREE-007 (same passage)");

  /** Why an id is not encoded, by group, when the id has no reason of its own. */
  private static final Map<String, String> GROUP_REASONS = Map.of(
      "TCO", "not yet encoded (the TCO results it needs are available as TcoResult / TcoComparison facts)",
      "TIER", "needs TCO facts (003's cost table; the catalogue proposes a calculator break-even): not yet encoded",
      "MIG", "not yet encoded (migration plan next steps)");

  private Traceability() {}

  private record Entry(String id, String seed) {}

  /** The table for this catalogue text and these rules (in file and line order). */
  static String render(String catalogue, List<RuleInfo> rules) {
    int start = catalogue.indexOf("## 1. Decision rules");
    int end = catalogue.indexOf("## 2. Contradictions");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("the catalogue has no section \"## 1. Decision rules\" before \"## 2. Contradictions\"");
    }
    List<Entry> ids = new ArrayList<>();
    Matcher m = CATALOGUE_ID.matcher(catalogue.substring(start, end));
    while (m.find()) {
      ids.add(new Entry(m.group(1), m.group(2)));
    }
    Map<String, List<RuleInfo>> encoded = new LinkedHashMap<>();
    for (RuleInfo r : rules) {
      Matcher base = BASE_ID.matcher(r.id() == null ? "" : r.id());
      if (base.find()) {
        encoded.computeIfAbsent(base.group(), k -> new ArrayList<>()).add(r);
      }
    }
    Map<String, int[]> groups = new LinkedHashMap<>(); // group -> {ids, encoded}
    List<String> rows = new ArrayList<>();
    for (Entry e : ids) {
      String group = e.id().substring(0, e.id().indexOf('-'));
      int[] count = groups.computeIfAbsent(group, g -> new int[2]);
      count[0]++;
      List<RuleInfo> by = encoded.get(e.id());
      if (by != null) {
        count[1]++;
        TreeSet<String> files = new TreeSet<>();
        List<String> ruleIds = new ArrayList<>();
        for (RuleInfo r : by) {
          files.add(Path.of(r.file()).getFileName().toString());
          ruleIds.add(r.id());
        }
        rows.add(row(e.id(), e.seed(), "encoded", String.join(", ", files) + " (" + String.join(", ", ruleIds) + ")"));
      } else {
        String reason = REASONS.getOrDefault(e.id(), GROUP_REASONS.getOrDefault(group, "not yet encoded"));
        rows.add(row(e.id(), e.seed(), "not encoded", reason));
      }
    }
    int encodedIds = groups.values().stream().mapToInt(c -> c[1]).sum();
    List<String> out = new ArrayList<>(List.of(
        "# Traceability: catalogue rule ids to rules",
        "",
        "Generated from the rule catalogue (seed-catalogue.md §1, beside the source documents) and the",
        "`@id`s of the rules in `rules/` (DRL files and decision tables) by `TraceabilityTest`; do not edit",
        "by hand. Regenerate with `" + REGENERATE + "`.",
        "An id is *encoded* only when a rule carries it as `@id` (bvb's `.U`/`.N`/`.1` variants count toward",
        "their base id).",
        "",
        "**" + encodedIds + " of " + ids.size() + " catalogue ids encoded.**",
        "",
        "| group | ids | encoded |",
        "|---|---|---|"));
    groups.forEach((g, c) -> out.add("| " + g + " | " + c[0] + " | " + c[1] + " |"));
    out.add("");
    out.add("| id | seed | status | rule files (rule ids) or reason not encoded |");
    out.add("|---|---|---|---|");
    out.addAll(rows);
    return String.join("\n", out) + "\n";
  }

  private static String row(String id, String seed, String status, String where) {
    return "| " + id + " | " + seed + " | " + status + " | " + where + " |";
  }

  /** Null when equal, else where the committed text first differs from the generated one. */
  static String firstDifference(String committed, String generated) {
    if (committed.equals(generated)) {
      return null;
    }
    String[] a = committed.split("\n", -1);
    String[] b = generated.split("\n", -1);
    int i = 0;
    while (i < a.length && i < b.length && a[i].equals(b[i])) {
      i++;
    }
    return FILE + ":" + (i + 1) + ": committed \"" + (i < a.length ? a[i] : "(end of file)") + "\", generated \""
        + (i < b.length ? b[i] : "(end of file)") + "\"";
  }
}
