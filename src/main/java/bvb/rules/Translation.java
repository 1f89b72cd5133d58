package bvb.rules;

import java.util.Map;

/**
 * A rule file as the DRL Drools compiles: a {@code .drl} file as it is, a decision table as the DRL
 * it generates, with the table cell each generated rule comes from so that errors name the cell.
 */
record Translation(String drl, Map<String, int[]> cells) {
  static Translation of(String drl) {
    return new Translation(drl, null);
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
}
