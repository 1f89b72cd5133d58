package bvb.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The reviewer's view of a rule set: every rule with its id, name, source quote, phase, where it
 * is (file:line, a table's file:row), the constant thresholds its conditions test (read from
 * Drools' parsed descriptors) and whether any sample fired it. Rendered as Markdown, CSV or HTML.
 */
public final class RuleReview {
  /** One rule of the review. */
  public record Row(RuleInfo rule, List<String> thresholds, Boolean fired) {}

  private RuleReview() {}

  /** The rows of a compiled rule set read from {@code files}; {@code fired} null when no sample was run. */
  public static List<Row> rows(RuleFiles files, RuleSet rules, Set<String> fired) {
    Map<String, List<String>> thresholds = new HashMap<>();
    for (String drl : files.drlByName().values()) {
      DrlParser parser = new DrlParser();
      try {
        PackageDescr pkg = parser.parse(false, drl);
        if (pkg != null) {
          for (RuleDescr r : pkg.getRules()) {
            thresholds.put(r.getName(), thresholds(ConstantBounds.of(r)));
          }
        }
      } catch (DroolsParserException e) {
        // a rule set that compiled parses; nothing to add otherwise
      }
    }
    List<Row> rows = new ArrayList<>();
    for (RuleInfo r : rules.rules()) {
      rows.add(new Row(r, thresholds.getOrDefault(r.name(), List.of()), fired == null ? null : fired.contains(r.id())));
    }
    return rows;
  }

  private static List<String> thresholds(ConstantBounds b) {
    List<String> out = new ArrayList<>();
    b.intervals().forEach((fact, i) -> out.add(fact + " " + i.asComparison()));
    return out;
  }

  /** Renders the rows: {@code md}, {@code csv} or {@code html}. */
  public static String render(List<Row> rows, String format) {
    StringBuilder out = new StringBuilder();
    switch (format) {
      case "csv" -> {
        out.append("id,name,phase,file,line,thresholds,fired,source\n");
        for (Row r : rows) {
          out.append(String.join(",", csv(r.rule().id()), csv(r.rule().name()), csv(r.rule().phase()), csv(r.rule().file()),
              String.valueOf(r.rule().line()), csv(String.join("; ", r.thresholds())), fired(r), csv(r.rule().source()))).append('\n');
        }
      }
      case "html" -> {
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>bvb rules</title>\n")
            .append("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
            .append("padding:4px;vertical-align:top;text-align:left}td.no{background:#fee}</style></head><body>\n")
            .append("<h1>bvb rules (").append(rows.size()).append(")</h1>\n<table>\n")
            .append("<tr><th>id</th><th>name</th><th>phase</th><th>where</th><th>thresholds</th><th>fired</th><th>source</th></tr>\n");
        for (Row r : rows) {
          out.append("<tr><td>").append(html(r.rule().id())).append("</td><td>").append(html(r.rule().name()))
              .append("</td><td>").append(html(r.rule().phase())).append("</td><td>")
              .append(html(r.rule().file() + ":" + r.rule().line())).append("</td><td>")
              .append(html(String.join("; ", r.thresholds()))).append("</td><td")
              .append(Boolean.FALSE.equals(r.fired()) ? " class=\"no\"" : "").append(">").append(fired(r))
              .append("</td><td>").append(html(r.rule().source())).append("</td></tr>\n");
        }
        out.append("</table>\n</body></html>\n");
      }
      default -> {
        out.append("| id | name | phase | where | thresholds | fired | source |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
          out.append("| ").append(md(r.rule().id())).append(" | ").append(md(r.rule().name())).append(" | ")
              .append(md(r.rule().phase())).append(" | ").append(md(r.rule().file() + ":" + r.rule().line())).append(" | ")
              .append(md(String.join("; ", r.thresholds()))).append(" | ").append(fired(r)).append(" | ")
              .append(md(r.rule().source())).append(" |\n");
        }
      }
    }
    return out.toString();
  }

  private static String fired(Row r) {
    return r.fired() == null ? "not run" : r.fired() ? "yes" : "no";
  }

  private static String csv(String s) {
    String v = s == null ? "" : s;
    return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  private static String md(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }

  private static String html(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
