package bvb.report;

import java.io.PrintWriter;
import java.util.List;

/** Small Markdown helpers: escaped table cells and text, sections of bullets. */
final class Markdown {
  private Markdown() {}

  /** Text safe in a paragraph or list item: no raw HTML, no line breaks. */
  static String text(Object o) {
    return o == null ? "" : o.toString().replace("\r", " ").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Text safe in a table cell: also escapes the column separator. */
  static String cell(Object o) {
    return text(o).replace("|", "\\|");
  }

  static void row(PrintWriter out, List<String> cells) {
    out.println("| " + String.join(" | ", cells) + " |");
  }

  static void header(PrintWriter out, List<String> cells, List<Boolean> right) {
    row(out, cells);
    row(out, right.stream().map(r -> r ? "---:" : "---").toList());
  }

  /** A "## title" section of bullets; nothing when empty. */
  static void bullets(PrintWriter out, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.println();
    out.println("## " + title);
    out.println();
    items.forEach(i -> out.println("- " + i));
  }
}
