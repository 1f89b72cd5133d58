package bvb.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * Checks every rule's {@code @source} against the source documents: the text after
 * {@code "FILE: "} must occur verbatim in the document {@code FILE} of the documents directory.
 *
 * <p>"Verbatim" tolerates only whitespace: in both the quote and the document every run of
 * whitespace (spaces, tabs, line breaks, Unicode spaces) counts as one space, and the quote's ends
 * are trimmed. Everything else must match as written, typographic quotes and apostrophes included
 * ({@code It’s} is not {@code It's}). A quote may join separate passages with {@code " ... "}; each
 * part is searched on its own. A source that starts with {@code bvb} (bvb's own reconciliation and
 * conflict rules) or has no {@code FILE: } prefix quotes no document and is not looked up.
 */
final class SourceQuotes {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final String PARTS = " ... ";

  private SourceQuotes() {}

  /** Runs of whitespace as one space, ends trimmed. */
  static String normalized(String s) {
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  /** The documents ({@code *.txt}) of a directory, by file name, normalized. */
  static Map<String, String> documents(Path dir) {
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
        texts.put(p.getFileName().toString(), normalized(Files.readString(p, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  /**
   * One line per quote not found, {@code file:line:column: ID message}, at the {@code @source}
   * of a DRL rule or the source cell of a decision-table row; empty when every quote is found.
   */
  static List<String> notFound(List<RuleInfo> rules, Map<String, String> documents) {
    List<String> problems = new ArrayList<>();
    for (RuleInfo r : rules) {
      String source = r.source() == null ? "" : r.source();
      int colon = source.indexOf(':');
      if (colon < 0 || source.startsWith("bvb")) {
        continue;
      }
      String file = source.substring(0, colon).strip();
      String quote = source.substring(colon + 1);
      String text = documents.get(file);
      String at = where(r) + ": " + r.id() + " ";
      if (text == null) {
        problems.add(at + "names " + file + ", which is not among the documents " + documents.keySet());
        continue;
      }
      for (String part : quote.split(Pattern.quote(PARTS), -1)) {
        if (!text.contains(normalized(part))) {
          problems.add(at + "quote not found in " + file + ": \"" + part.strip() + "\"");
        }
      }
    }
    return problems;
  }

  /** {@code file:line:column} of a rule's source: its {@code @source} line in DRL, its source cell in a table. */
  static String where(RuleInfo r) {
    Path file = Path.of(r.file());
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (r.file().endsWith(".csv")) {
        return r.file() + ":" + r.line() + ":" + sourceColumn(lines, r.line());
      }
      for (int i = Math.max(r.line(), 1) - 1; i < lines.size(); i++) {
        int col = lines.get(i).indexOf("@source(");
        if (col >= 0) {
          return r.file() + ":" + (i + 1) + ":" + (col + 1);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the rule's own line below still locates it
    }
    return r.file() + ":" + r.line();
  }

  /** Column (from 1) labelled "source" in the label row above a table's data row, 0 if there is none. */
  private static int sourceColumn(List<String> lines, int row) {
    CsvLineParser parser = new CsvLineParser();
    for (int i = Math.min(row, lines.size()) - 1; i >= 0; i--) {
      List<String> cells = lines.get(i).isEmpty() ? List.of() : parser.parse(lines.get(i));
      if (!cells.isEmpty() && cells.get(0).strip().equals("id")) {
        return cells.indexOf("source") + 1;
      }
    }
    return 0;
  }
}
