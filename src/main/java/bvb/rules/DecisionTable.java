package bvb.rules;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.template.parser.DataListener;

/**
 * A CSV decision table in the rules directory, compiled to DRL by Drools' decision-table compiler
 * (the rows fed to its {@link DefaultRuleSheetListener}, read as UTF-8 whatever the platform's
 * charset). Before Drools sees it, bvb checks what Drools would accept but bvb's conventions do not,
 * each at its cell ({@code file.csv:row:column}, both from 1): a rule name, an id, a source and a
 * phase on every row, unique ids, numbers where a bound is compared, no salience, no cell outside a
 * column, and {@code ...} (CSV's merged cell) only to widen a condition's fact to the right.
 */
final class DecisionTable {
  /** Column types a bvb table may use; others (SALIENCE, NO-LOOP, ...) change firing order or semantics. */
  private static final Set<String> TYPES = Set.of("NAME", "DESCRIPTION", "METADATA", "AGENDA-GROUP", "CONDITION", "ACTION");
  private static final Pattern COMPARED = Pattern.compile("(<|<=|>|>=|==)\\s*\\$param");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final String MERGED = "...";

  private DecisionTable() {}

  /** The DRL this table compiles to, with each rule's row; throws {@link RulesException} with every problem found. */
  static Translation translate(String file, byte[] bytes) {
    List<List<String>> grid = grid(file, bytes);
    List<RuleError> errors = new ArrayList<>();
    Map<String, int[]> cells = new LinkedHashMap<>();
    List<Translation.Placement> placements = new ArrayList<>();
    check(file, grid, errors, cells, placements);
    if (!errors.isEmpty()) {
      throw new RulesException(errors);
    }
    DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
    listener.startSheet("csv");
    // bvb's cells hold Java text with its own quotes; Drools would escape them otherwise.
    listener.newRow(0, 2);
    listener.newCell(0, 0, "EscapeQuotes", DataListener.NON_MERGED);
    listener.newCell(0, 1, "false", DataListener.NON_MERGED);
    int r = 0;
    int c = 0;
    try {
      for (r = 0; r < grid.size(); r++) {
        List<String> row = grid.get(r);
        listener.newRow(r + 1, row.size());
        int start = DataListener.NON_MERGED;
        for (c = 0; c < row.size(); c++) {
          String cell = row.get(c);
          if (cell.strip().equals(MERGED)) {
            listener.newCell(r + 1, c, MERGED, start == DataListener.NON_MERGED ? c - 1 : start);
            start = start == DataListener.NON_MERGED ? c - 1 : start;
          } else {
            start = DataListener.NON_MERGED;
            if (c + 1 < row.size() && row.get(c + 1).strip().equals(MERGED)) {
              start = c;
            }
            listener.newCell(r + 1, c, cell, start);
          }
        }
      }
      listener.finishSheet();
      String drl = new SpreadsheetCompiler().listenerToString(listener);
      return new Translation(drl, cells, List.copyOf(placements));
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new RulesException(List.of(new RuleError(file, r + 1, c + 1, "TABLE-010",
          "the decision-table compiler rejects this cell: " + RuleCompiler.oneLine(message))));
    }
  }

  private static List<List<String>> grid(String file, byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new RulesException(List.of(new RuleError(file, 0, 0, "TABLE-000", "is not UTF-8 text; save the table as CSV UTF-8")));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // Excel's "CSV UTF-8" writes a byte-order mark
    }
    CsvLineParser parser = new CsvLineParser();
    List<List<String>> grid = new ArrayList<>();
    for (String line : text.split("\r?\n", -1)) {
      grid.add(line.isEmpty() ? List.of() : parser.parse(line));
    }
    while (!grid.isEmpty() && blank(grid.get(grid.size() - 1))) {
      grid.remove(grid.size() - 1);
    }
    return grid;
  }

  /** Finds the rule tables and checks their header and data rows; records each rule's row by name. */
  private static final Pattern PLACEMENT = Pattern.compile("loads in (\\S+\\.drl) (?:after (\\S+)|first)");

  private static void check(String file, List<List<String>> grid, List<RuleError> errors, Map<String, int[]> cells,
      List<Translation.Placement> placements) {
    Map<String, Integer> ids = new HashMap<>();
    boolean anyTable = false;
    for (int r = 0; r < grid.size(); r++) {
      List<String> row = grid.get(r);
      String first = row.isEmpty() ? "" : row.get(0).strip();
      String key = first.toLowerCase(Locale.ROOT);
      if (key.equals("sequential") && row.size() > 1 && row.get(1).strip().equalsIgnoreCase("true")) {
        errors.add(new RuleError(file, r + 1, 2, "TABLE-005", "Sequential true gives every row a salience; bvb orders rules by phase only"));
      }
      if (key.equals("ruletable") || key.startsWith("ruletable ")) {
        anyTable = true;
        int start = r;
        Map<String, int[]> rows = new LinkedHashMap<>();
        r = table(file, grid, r, errors, rows, ids);
        cells.putAll(rows);
        String where = row.size() > 1 ? row.get(1).strip() : "";
        if (!where.isEmpty()) {
          java.util.regex.Matcher m = PLACEMENT.matcher(where);
          if (m.matches()) {
            placements.add(new Translation.Placement(m.group(1), m.group(2), List.copyOf(rows.keySet()), start + 1, 2));
          } else {
            errors.add(new RuleError(file, start + 1, 2, "TABLE-011",
                "\"" + where + "\" is not \"loads in FILE.drl after RULE-ID\" or \"loads in FILE.drl first\""));
          }
        }
      }
    }
    if (!anyTable) {
      errors.add(new RuleError(file, 1, 1, "TABLE-003", "no RuleTable row: not a decision table"));
    }
  }

  /** Checks the table whose "RuleTable" cell is on row {@code at}; returns the last row it spans. */
  private static int table(String file, List<List<String>> grid, int at, List<RuleError> errors, Map<String, int[]> cells,
      Map<String, Integer> ids) {
    if (at + 4 >= grid.size()) {
      errors.add(new RuleError(file, at + 1, 1, "TABLE-003",
          "a RuleTable needs four header rows below it (column types, facts, code, labels) and then its rules"));
      return grid.size();
    }
    List<String> types = grid.get(at + 1);
    List<String> facts = grid.get(at + 2);
    List<String> code = grid.get(at + 3);
    int name = -1;
    int id = -1;
    int source = -1;
    int phase = -1;
    for (int c = 0; c < types.size(); c++) {
      String t = types.get(c).strip().toUpperCase(Locale.ROOT);
      String template = cell(code, c);
      if (t.isEmpty()) {
        continue;
      }
      if (!TYPES.contains(t)) {
        errors.add(new RuleError(file, at + 2, c + 1, "TABLE-005", "column type " + t + " is not used in bvb tables"
            + (t.equals("SALIENCE") || t.equals("PRIORITY") ? ": order comes from the phase (AGENDA-GROUP)" : "") + "; use one of " + TYPES));
      }
      switch (t) {
        case "NAME" -> name = c;
        case "AGENDA-GROUP" -> phase = c;
        case "METADATA" -> {
          if (template.strip().startsWith("id(")) {
            id = c;
          } else if (template.strip().startsWith("source(")) {
            source = c;
          }
        }
        case "ACTION" -> {
          if (!template.contains("Conclude.")) {
            errors.add(new RuleError(file, at + 4, c + 1, "TABLE-006",
                "an action inserts a conclusion through Conclude (insert(Conclude.verdict(drools, ...))), not: " + template));
          }
        }
        default -> { }
      }
    }
    for (int c = 0; c < facts.size(); c++) {
      if (facts.get(c).strip().equals(MERGED)) {
        String left = c == 0 ? "" : cell(facts, c - 1);
        boolean ok = cell(types, c).strip().equalsIgnoreCase("CONDITION") && c > 0
            && cell(types, c - 1).strip().equalsIgnoreCase("CONDITION") && !left.isEmpty();
        if (!ok) {
          errors.add(new RuleError(file, at + 3, c + 1, "TABLE-004",
              "\"...\" (a merged cell) may only continue the fact of the CONDITION column to its left"));
        }
      }
    }
    String[] needed = {"NAME", "METADATA id($param)", "METADATA source($param)", "AGENDA-GROUP"};
    int[] found = {name, id, source, phase};
    for (int i = 0; i < needed.length; i++) {
      if (found[i] < 0) {
        errors.add(new RuleError(file, at + 2, 1, "TABLE-003", "the table has no " + needed[i] + " column; every row needs one"));
      }
    }
    int r = at + 5;
    for (; r < grid.size(); r++) {
      List<String> row = grid.get(r);
      if (blank(row) || cell(row, 0).strip().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
        break;
      }
      for (int c = 0; c < row.size(); c++) {
        String v = row.get(c).strip();
        if (v.isEmpty()) {
          continue;
        }
        if (cell(types, c).isBlank()) {
          errors.add(new RuleError(file, r + 1, c + 1, "TABLE-007", "extra column: \"" + abbreviate(v) + "\" has no column type above it"));
        } else if (v.equals(MERGED)) {
          errors.add(new RuleError(file, r + 1, c + 1, "TABLE-004", "\"...\" (a merged cell) in a rule row: write the value in each row"));
        } else if (cell(types, c).strip().equalsIgnoreCase("CONDITION") && cell(code, c).strip().endsWith("?")
            && !v.equalsIgnoreCase("yes")) {
          errors.add(new RuleError(file, r + 1, c + 1, "TABLE-008", "\"" + abbreviate(v) + "\": this column holds yes (the rule requires "
              + cell(code, c).strip().replaceAll("\\?$", "") + ") or nothing"));
        } else if (cell(types, c).strip().equalsIgnoreCase("CONDITION") && COMPARED.matcher(cell(code, c)).find()
            && !NUMBER.matcher(v).matches()) {
          errors.add(new RuleError(file, r + 1, c + 1, "TABLE-008", "\"" + abbreviate(v) + "\" is not a number; "
              + cell(code, c).strip() + " needs one (digits only, no thousands separator or unit)"));
        }
      }
      String ruleName = name < 0 ? "" : cell(row, name).strip();
      String ruleId = id < 0 ? "" : unquote(cell(row, id).strip());
      if (name >= 0 && ruleName.isEmpty()) {
        errors.add(new RuleError(file, r + 1, name + 1, "TABLE-001", "empty rule name: write the id and a sentence"));
      }
      if (id >= 0 && ruleId.isEmpty()) {
        errors.add(new RuleError(file, r + 1, id + 1, "TABLE-001", "empty id: every row needs its catalogue id"));
      } else if (id >= 0) {
        Integer before = ids.putIfAbsent(ruleId, r + 1);
        if (before != null) {
          errors.add(new RuleError(file, r + 1, id + 1, "TABLE-002", "duplicate id " + ruleId + " (also row " + before + ")"));
        }
      }
      if (source >= 0 && unquote(cell(row, source).strip()).isEmpty()) {
        errors.add(new RuleError(file, r + 1, source + 1, "TABLE-001", "empty source: quote the document"));
      }
      if (phase >= 0 && cell(row, phase).isBlank()) {
        errors.add(new RuleError(file, r + 1, phase + 1, "TABLE-001", "empty phase (AGENDA-GROUP)"));
      } else if (phase >= 0 && !bvb.engine.Phase.groups().contains(cell(row, phase).strip())) {
        errors.add(new RuleError(file, r + 1, phase + 1, "TABLE-009", "phase \"" + cell(row, phase).strip()
            + "\" is not one of " + bvb.engine.Phase.groups()));
      }
      if (!ruleName.isEmpty()) {
        cells.put(ruleName, new int[] {r + 1, (id < 0 ? 0 : id) + 1});
      }
    }
    return r - 1; // the last row of the table; the caller's loop goes on from the row after
  }

  private static String cell(List<String> row, int c) {
    return c < row.size() && row.get(c) != null ? row.get(c) : "";
  }

  private static boolean blank(List<String> row) {
    return row.stream().allMatch(s -> s == null || s.isBlank());
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1).strip() : v;
  }

  private static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "..." : v;
  }
}
