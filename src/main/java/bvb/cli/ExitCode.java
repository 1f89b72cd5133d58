package bvb.cli;

/**
 * bvb's exit codes: the one place their numbers are defined. {@code bvb --help} lists them (a test
 * checks the help text agrees with this enum) and so does docs/cli.md (DocLinksTest).
 */
public enum ExitCode {
  OK(0),
  INTERNAL(1),
  USAGE(2),
  RULES(3),
  FACTS(4),
  ENGINE(5),
  SAMPLES(6),
  AUDIT(7),
  REPLAY_DIFFERS(8),
  NO_RECOMMENDATION(9),
  /** Standard output was closed (e.g. {@code | head}) or could not be written: the command stopped there. */
  OUTPUT(10);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
