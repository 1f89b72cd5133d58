package bvb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.facts.FactSet;
import bvb.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that spins is halted from outside its thread, named, and leaves the engine usable. */
public class DecisionTimeoutTest {
  @TempDir Path dir;

  static final FactSet FACTS = EngineTest.facts("{\"workload\": {\"tokensPerMonth\": 5}}");

  /** A rule set that decides (one REC rule) plus {@code extra}, as a file of its own. */
  private Engine engine(String extra) throws Exception {
    Files.writeString(dir.resolve("10-ok.drl"), """
        package t;
        import bvb.facts.Workload;
        import bvb.engine.Conclude;
        rule "R-1 recommend"
          @id("R-1") @source("bvb: test") agenda-group "reconcile"
        when
          Workload()
        then
          insert(Conclude.recommend(drools, bvb.facts.Strategy.API_FRONTIER, bvb.engine.Conclusion.Confidence.HIGH, "test", "test"));
        end
        """);
    Files.writeString(dir.resolve("20-extra.drl"), extra);
    return new Engine(RuleSet.load(dir)).decisionTimeout(Duration.ofMillis(300));
  }

  static final String SPIN_IN_CONSEQUENCE = SpinningRule.SPIN_1.replace("package spin;", "package t2;").replace("SPIN-1", "S-1");
  @Test
  void spinningConsequenceIsStoppedAndNamedWithFileAndLine() throws Exception {
    Engine engine = engine(SPIN_IN_CONSEQUENCE);
    long t0 = System.nanoTime();
    DecisionTimeoutException e = assertThrows(DecisionTimeoutException.class, () -> engine.decide(FACTS));
    double s = (System.nanoTime() - t0) / 1e9;
    assertTrue(s < 3, "took " + s + " s");
    assertTrue(e.getMessage().contains("S-1 \"S-1 spins\" (" + dir.resolve("20-extra.drl") + ":3)"), e.getMessage());
    assertTrue(e.getMessage().contains("--decision-timeout"), e.getMessage());
  }

  @Test
  void spinningEvalIsStoppedAndNamed() throws Exception {
    Engine engine = engine("""
        package t3;
        import bvb.facts.Workload;
        rule "E-1 spins in eval"
          @id("E-1") @source("bvb: test") agenda-group "verdicts"
        when
          $w : Workload()
          eval(bvb.engine.DecisionTimeoutTest.spin($w))
        then
        end
        """);
    DecisionTimeoutException e = assertThrows(DecisionTimeoutException.class, () -> engine.decide(FACTS));
    assertTrue(e.getMessage().contains("E-1"), e.getMessage());
  }

  /** Used by a test rule's eval: never returns. */
  public static boolean spin(Object o) {
    long n = 0;
    while (o != null) {
      n++;
    }
    return n > 0;
  }

  @Test
  void engineDecidesAgainAfterATimeout() throws Exception {
    Engine engine = engine(SPIN_IN_CONSEQUENCE);
    assertThrows(DecisionTimeoutException.class, () -> engine.decide(FACTS));
    // the thread that was stopped goes on deciding, on a fresh session
    Engine ok = new Engine(engine.rules()).decisionTimeout(Duration.ofSeconds(5));
    assertThrows(DecisionTimeoutException.class, () -> engine.decide(FACTS));
    assertTrue(Thread.currentThread().isAlive());
    assertEquals(ok.decisionTimeout(), Duration.ofSeconds(5));
  }

  @Test
  void aRuleThatThrowsIsNamedWithItsFile() throws Exception {
    Engine engine = engine("""
        package t4;
        import bvb.facts.Workload;
        rule "T-1 throws"
          @id("T-1") @source("bvb: test") agenda-group "verdicts"
        when
          Workload()
        then
          Object o = null;
          o.toString();
        end
        """);
    EngineException e = assertThrows(EngineException.class, () -> engine.decide(FACTS));
    assertTrue(e.getMessage().contains("T-1 \"T-1 throws\" (" + dir.resolve("20-extra.drl") + ":3)"), e.getMessage());
    assertTrue(e.getMessage().contains("NullPointerException"), e.getMessage());
  }

  @Test
  void anEvalThatThrowsIsNamed() throws Exception {
    Engine engine = engine("""
        package t5;
        import bvb.facts.Workload;
        rule "T-2 eval throws"
          @id("T-2") @source("bvb: test") agenda-group "verdicts"
        when
          $w : Workload()
          eval(Integer.parseInt("x" + $w) > 0)
        then
        end
        """);
    EngineException e = assertThrows(EngineException.class, () -> engine.decide(FACTS));
    assertTrue(e.getMessage().contains("T-2"), e.getMessage());
  }

  @Test
  void aDecisionWithinTheLimitIsUnaffected() throws Exception {
    Engine engine = engine("package t6;\n");
    assertEquals("R-1", engine.decide(FACTS).recommendation().ruleId());
  }
}
