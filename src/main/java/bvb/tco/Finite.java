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

  private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected RecordComponent[] computeValue(Class<?> type) {
      return type.getRecordComponents();
    }
  };

  static void check(String path, Object value) {
    check(path, null, value);
  }

  /** Checks {@code value}, found at {@code parent.name} (the path is built only when needed). */
  private static void check(String parent, Object name, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new TcoInputException(TcoInputException.NOT_FINITE, path(parent, name),
            "came out as " + d + ": an input is implausibly large or small; no total given");
      }
    } else if (value instanceof Map<?, ?> m) {
      String path = path(parent, name);
      m.forEach((k, v) -> check(path, k, v));
    } else if (value instanceof List<?> l) {
      String path = path(parent, name);
      for (int i = 0; i < l.size(); i++) {
        check(path, i, l.get(i));
      }
    } else if (value instanceof Record r && r.getClass().getPackage() == Finite.class.getPackage()) {
      String path = path(parent, name);
      for (RecordComponent c : COMPONENTS.get(r.getClass())) {
        Class<?> t = c.getType();
        if (t.isPrimitive() ? t != double.class : t.isEnum() || t == String.class) {
          continue;
        }
        try {
          check(path, c.getName(), c.getAccessor().invoke(r));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static String path(String parent, Object name) {
    return name == null ? parent : name instanceof Integer i ? parent + "[" + i + "]" : parent + "." + name;
  }
}
