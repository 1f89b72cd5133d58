package bvb.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * What a rule's top-level patterns say of each numeric fact ({@code Type.field}): the interval of
 * its constant bounds, and whether it must be null or not null. Constraints under {@code ||},
 * {@code not}, {@code exists} or {@code eval} bound nothing.
 */
record ConstantBounds(Map<String, Interval> intervals, Map<String, Boolean> isNull) {
  /** Whether no fact can satisfy both: disjoint bounds or opposite null tests on some other fact. */
  boolean exclusive(ConstantBounds o, String except) {
    for (var e : intervals.entrySet()) {
      if (!e.getKey().equals(except)) {
        Interval other = o.intervals.get(e.getKey());
        if ((other != null && e.getValue().intersect(other).isEmpty()) || Boolean.TRUE.equals(o.isNull.get(e.getKey()))) {
          return true;
        }
      }
    }
    for (var e : isNull.entrySet()) {
      Boolean other = o.isNull.get(e.getKey());
      if (e.getValue() && (Boolean.FALSE.equals(other) || o.intervals.containsKey(e.getKey()))) {
        return true;
      }
      if (!e.getValue() && Boolean.TRUE.equals(other)) {
        return true;
      }
    }
    return false;
  }

  /** The bounds of a rule's top-level patterns, from Drools' descriptors of its constraints. */
  static ConstantBounds of(RuleDescr r) {
    Map<String, Interval> intervals = new LinkedHashMap<>();
    Map<String, Boolean> isNull = new LinkedHashMap<>();
    for (BaseDescr d : r.getLhs().getDescrs()) {
      if (d instanceof PatternDescr p && p.getSource() == null) {
        String type = p.getObjectType();
        for (BaseDescr c : p.getConstraint().getDescrs()) {
          if (c instanceof ExprConstraintDescr e) {
            DrlExprParser ep = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
            ConstraintConnectiveDescr parsed = ep.parse(e.getExpression());
            if (parsed != null && !ep.hasErrors()) {
              collect(type, parsed, intervals, isNull);
            }
          }
        }
      }
    }
    return new ConstantBounds(intervals, isNull);
  }

  private static void collect(String type, BaseDescr d, Map<String, Interval> intervals, Map<String, Boolean> isNull) {
    if (d instanceof ConstraintConnectiveDescr c) {
      if (c.getConnective() == ConnectiveType.AND) {
        c.getDescrs().forEach(x -> collect(type, x, intervals, isNull));
      }
      return;
    }
    if (!(d instanceof RelationalExprDescr re) || re.isNegated()
        || !(re.getLeft() instanceof AtomicExprDescr l) || !(re.getRight() instanceof AtomicExprDescr rt)) {
      return;
    }
    String op = re.getOperator();
    String fact;
    String literal;
    if (!l.isLiteral() && rt.isLiteral()) {
      fact = l.getExpression();
      literal = rt.getExpression();
    } else if (l.isLiteral() && !rt.isLiteral()) {
      fact = rt.getExpression();
      literal = l.getExpression();
      op = flip(op);
    } else {
      return;
    }
    String key = type + "." + fact.strip();
    if (literal.equals("null")) {
      if (op.equals("==") || op.equals("!=")) {
        isNull.put(key, op.equals("=="));
      }
      return;
    }
    Double v = number(literal);
    Interval i = v == null ? null : Interval.of(op, v);
    if (i != null) {
      intervals.merge(key, i, Interval::intersect);
    }
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private static Double number(String literal) {
    String s = literal.strip();
    if (s.endsWith("L") || s.endsWith("l") || s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
