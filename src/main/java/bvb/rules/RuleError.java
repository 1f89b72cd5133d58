package bvb.rules;

/** One problem in a rule file, located as {@code file:line:column}. Line and column are 0 when unknown. */
public record RuleError(String file, int line, int column, String code, String message) {
  public String render() {
    return file + ":" + line + ":" + column + ": " + code + " " + message;
  }
}
