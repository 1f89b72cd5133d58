package bvb.engine;

import bvb.rules.RuleInfo;
import bvb.rules.RuleSet;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Names the rule behind a decision that spun or threw: its id, name and {@code file:line}. The
 * rule whose consequence was running is known from the {@link Recorder}; a condition ({@code eval}
 * or a constraint) is found from the generated class on the stack, whose name Drools derives from
 * the rule's name.
 */
final class RuleFault {
  private RuleFault() {}

  static DecisionTimeoutException timeout(RuleSet rules, Recorder recorder, Watchdog.TimedOut e, long timeoutNanos) {
    String limit = new java.math.BigDecimal(timeoutNanos).movePointLeft(9).stripTrailingZeros().toPlainString() + " s";
    RuleInfo rule = recorder.firing != null ? info(rules, recorder.firing.getName()) : fromStack(rules, e.stack);
    String where = rule != null ? "rule " + describe(rule) + " was still running"
        : "the decision was still running (" + recorder.firings.size() + " rules fired, none running: in a condition)";
    return new DecisionTimeoutException(where + " after " + limit + " (--decision-timeout), "
        + (e.stopped ? "stopped" : "halted") + ": a rule that spins or never finishes; no decision made", rule);
  }

  /**
   * The exception a decision ends with when running the rules threw {@code e}: an
   * {@link EngineException} naming the rule when one can be named, else {@code e} itself.
   */
  static RuntimeException thrown(RuleSet rules, Recorder recorder, RuntimeException e) {
    if (e instanceof EngineException || e instanceof RuleLoopException || e instanceof DecisionTimeoutException) {
      return e;
    }
    RuleInfo rule = null;
    if (e instanceof ConsequenceException c && c.getRule() != null) {
      rule = info(rules, c.getRule().getName());
    }
    if (rule == null && recorder.firing != null) {
      rule = info(rules, recorder.firing.getName());
    }
    if (rule == null) {
      rule = fromStack(rules, e.getStackTrace());
    }
    for (Throwable c = e; rule == null && c != null; c = c.getCause() == c ? null : c.getCause()) {
      rule = fromStack(rules, c.getStackTrace());
      java.util.regex.Matcher m = GENERATED.matcher(String.valueOf(c.getMessage()));
      while (rule == null && m.find()) {
        rule = fromClassName(rules, m.group());
      }
    }
    if (rule == null) {
      return e;
    }
    return new EngineException("rule " + describe(rule) + " threw " + root(e) + "; no decision made");
  }

  private static String root(Throwable e) {
    Throwable r = e;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    String m = r.getMessage();
    String name = r.getClass().getSimpleName();
    return m == null || m.isBlank() ? name : name + ": " + m.lines().findFirst().orElse("");
  }

  static String describe(RuleInfo r) {
    return r.id() + " \"" + r.name() + "\" (" + r.file() + ":" + r.line() + ")";
  }

  private static RuleInfo info(RuleSet rules, String name) {
    RuleInfo r = rules.rule(name);
    return r != null ? r : new RuleInfo(name, name, null, null, "?", 0);
  }

  /** The first rule whose generated class is on {@code stack}; null if none is. */
  static RuleInfo fromStack(RuleSet rules, StackTraceElement[] stack) {
    if (stack == null) {
      return null;
    }
    for (StackTraceElement f : stack) {
      RuleInfo r = fromClassName(rules, f.getClassName());
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** A class Drools generated for a rule: {@code pkg.Rule_<escaped name>...}. */
  private static final java.util.regex.Pattern GENERATED = java.util.regex.Pattern.compile("Rule_[A-Za-z0-9_$]+");

  /** The rule whose generated class this is (the longest name that fits); null if none. */
  private static RuleInfo fromClassName(RuleSet rules, String cls) {
    String simple = cls.substring(cls.lastIndexOf('.') + 1);
    if (!simple.startsWith("Rule_")) {
      return null;
    }
    String decoded = decode(simple.substring("Rule_".length()));
    RuleInfo best = null;
    for (RuleInfo r : rules.rules()) {
      if (decoded.startsWith(r.name().replace(' ', '_')) && (best == null || r.name().length() > best.name().length())) {
        best = r;
      }
    }
    return best;
  }

  /** Undoes Drools' escaping of a rule name in a class name: {@code $u45$} is character 45, '-'. */
  static String decode(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
        int end = s.indexOf('$', i + 2);
        if (end > i + 2) {
          try {
            b.append((char) Integer.parseInt(s.substring(i + 2, end)));
            i = end;
            continue;
          } catch (NumberFormatException e) {
            // not an escape
          }
        }
      }
      b.append(c);
    }
    return b.toString();
  }

}
