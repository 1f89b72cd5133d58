package bvb.engine;

/** A rule file whose one rule's consequence never ends, for the decision-time-limit tests. */
public final class SpinningRule {
  private SpinningRule() {}

  /** Rule SPIN-1, line 3 of the file, in agenda group "verdicts", spinning on any Workload. */
  public static final String SPIN_1 = """
      package spin;
      import bvb.facts.Workload;
      rule "SPIN-1 spins"
        @id("SPIN-1") @source("bvb: test") agenda-group "verdicts"
      when
        $w : Workload()
      then
        long n = 0;
        while ($w != null) { n++; }
      end
      """;
}
