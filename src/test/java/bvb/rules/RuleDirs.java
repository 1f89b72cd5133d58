package bvb.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/** Copies of the bundled rules directory, and edits to them as an analyst would make them. */
final class RuleDirs {
  private RuleDirs() {}

  /** A copy of rules/ in {@code to}. */
  static Path copyOfRules(Path to) {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      Files.createDirectories(to);
      for (Path p : files.toList()) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the one occurrence of {@code from} in a rule file. */
  static void replace(Path file, String from, String to) {
    try {
      String s = Files.readString(file);
      assertEquals(1, s.split(java.util.regex.Pattern.quote(from), -1).length - 1, "once in " + file + ": " + from);
      Files.writeString(file, s.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sets the cell of rule {@code id}'s row under the column labelled {@code label} (the label row of
   * the table holding that rule) in a CSV decision table, quoting as a spreadsheet saves CSV.
   */
  static void setCell(Path csv, String id, String label, String value) {
    try {
      List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
      CsvLineParser parser = new CsvLineParser();
      List<String> labels = null;
      for (int i = 0; i < lines.size(); i++) {
        List<String> cells = new ArrayList<>(parser.parse(lines.get(i)));
        if (!cells.isEmpty() && cells.get(0).equals("id")) {
          labels = cells;
        } else if (!cells.isEmpty() && cells.get(0).equals(id) && labels != null) {
          int col = labels.indexOf(label);
          assertTrue(col >= 0, "no column " + label + " in " + labels);
          while (cells.size() <= col) {
            cells.add("");
          }
          cells.set(col, value);
          lines.set(i, line(cells));
          Files.write(csv, lines, StandardCharsets.UTF_8);
          return;
        }
      }
      throw new AssertionError("no row " + id + " in " + csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String line(List<String> cells) {
    return cells.stream()
        .map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
        .collect(Collectors.joining(","));
  }
}
