package bvb.tco;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * The calculator's check of its own outputs: no number it reports is NaN or infinite. Inputs are
 * bounded (see {@link Checks}), but a ratio of an input near zero can still overflow; the report
 * then fails with {@link TcoInputException#NOT_FINITE} naming the first such number, instead of
 * printing {@code $Infinity} or {@code NaN%}.
 */
final class Finite {
  private Finite() {}

  /**
   * The accessors worth descending into of each record type of this package (double, boxed,
   * collections, records; not enums, strings or other primitives); null for any other class. Worked
   * out once per type: the check runs on every computation, ten thousand times per simulation.
   */
  private static final ClassValue<java.lang.reflect.Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected java.lang.reflect.Method[] computeValue(Class<?> type) {
      if (!type.isRecord() || type.getPackage() != Finite.class.getPackage()) {
        return null;
      }
      List<java.lang.reflect.Method> out = new java.util.ArrayList<>();
      for (RecordComponent c : type.getRecordComponents()) {
        Class<?> t = c.getType();
        if (t.isPrimitive() ? t != double.class : t.isEnum() || t == String.class) {
          continue;
        }
        out.add(c.getAccessor());
      }
      return out.toArray(new java.lang.reflect.Method[0]);
    }
  };

  static void check(String path, Object value) {
    check(new Where(null, path), value);
  }

  /** Where a value sits: its container's place and its own key, index or component name; rendered only for a report. */
  private record Where(Where parent, Object name) {
    Where in(Object child) {
      return new Where(this, child);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return String.valueOf(name);
      }
      return name instanceof Integer i ? parent + "[" + i + "]" : parent + "." + name;
    }
  }

  private static void check(Where at, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new TcoInputException(TcoInputException.NOT_FINITE, at.toString(),
            "came out as " + d + ": an input is implausibly large or small; no total given");
      }
    } else if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> check(at.in(k), v));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        check(at.in(i), l.get(i));
      }
    } else if (value instanceof Record r) {
      java.lang.reflect.Method[] accessors = ACCESSORS.get(r.getClass());
      if (accessors == null) {
        return;
      }
      for (java.lang.reflect.Method a : accessors) {
        Object v;
        try {
          v = a.invoke(r);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        check(at.in(a.getName()), v);
      }
    }
  }
}
