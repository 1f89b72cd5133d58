package bvb.rules;

import java.util.Map;

/**
 * A rule file as the DRL Drools compiles: a {@code .drl} file as it is, a decision table as the DRL
 * it generates, with the row (and id column) each generated rule comes from, by rule name, so that
 * errors and reports name the table's cell rather than generated text.
 */
record Translation(String drl, Map<String, int[]> cells, java.util.List<Placement> placements) {
  /**
   * Where a table's rows load among a DRL file's rules: {@code loads in FILE after ID} (or
   * {@code first}) in the cell beside "RuleTable". Within a phase Drools fires rules of equal
   * salience by their position, so rows split from a DRL file keep firing where they did.
   */
  record Placement(String file, String after, java.util.List<String> ruleNames, int row, int column) {}

  static Translation of(String drl) {
    return new Translation(drl, null, java.util.List.of());
  }

  boolean isTable() {
    return cells != null;
  }

  /** Where a rule is for the reader, as {line, column}: its table row and id column, else its DRL line. */
  int[] where(String ruleName, int drlLine) {
    if (cells == null) {
      return new int[] {drlLine, 0};
    }
    int[] cell = cells.get(ruleName);
    return cell == null ? new int[] {0, 0} : cell;
  }

  /** Where a line of the DRL is for the reader: the same line, or the table row of the rule it falls in. */
  int[] locate(int drlLine, int column) {
    if (cells == null) {
      return new int[] {drlLine, column};
    }
    String[] lines = drl.split("\n", -1);
    for (int i = Math.min(drlLine, lines.length) - 1; i >= 0; i--) {
      String l = lines[i].strip();
      if (l.startsWith("rule \"") && l.lastIndexOf('"') > 6) {
        return where(l.substring(6, l.lastIndexOf('"')), 0);
      }
    }
    return new int[] {0, 0};
  }
}
