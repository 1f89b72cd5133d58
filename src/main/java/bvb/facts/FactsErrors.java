package bvb.facts;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Turns Jackson's exceptions into one-line {@link FactsException}s with a code, path and hint. */
final class FactsErrors {
  private FactsErrors() {}

  static FactsException translate(String origin, JsonProcessingException thrown, long firstLine) {
    JsonProcessingException e = streamError(thrown);
    String where = FactsLoader.at(origin, e.getLocation(), firstLine);
    if (e instanceof UnrecognizedPropertyException u) {
      return unknownField(where, u);
    }
    if (e instanceof ValueInstantiationException v && v.getCause() instanceof FieldException f) {
      String path = path(v.getPath()) + "." + f.field();
      return new FactsException(f.code(), where, path + " " + f.getMessage(), e);
    }
    if (e instanceof ValueInstantiationException v && v.getCause() instanceof bvb.tco.TcoInputException t) {
      return new FactsException(t.code(), where, "$." + t.field() + " " + t.detail(), e);
    }
    if (!(e instanceof ValueInstantiationException) && e instanceof JsonMappingException m
        && m.getCause() instanceof bvb.tco.TcoInputException t) { // a cost range's low, high or mode
      return new FactsException(t.code(), where, path(m.getPath()) + "." + t.field() + " " + t.detail(), e);
    }
    if (!(e instanceof ValueInstantiationException) && e instanceof JsonMappingException m
        && m.getCause() instanceof FieldException f) { // a whole-number field given a fraction, or too large
      return new FactsException(f.code(), where, path(m.getPath()) + " " + f.getMessage(), e);
    }
    if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException a) {
      return new FactsException("FACTS-006", where, path(v.getPath()) + ": " + a.getMessage(), e);
    }
    if (e instanceof InputCoercionException) {
      return new FactsException(
          "FACTS-011", where, "number out of range: " + firstLine(e.getOriginalMessage()), e);
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return new FactsException(
          "FACTS-006",
          where,
          path(f.getPath()) + ": " + quote(f.getValue()) + " is not one of " + allowed(f.getTargetType()),
          e);
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return new FactsException(
          "FACTS-006", where, path(m.getPath()) + ": expected " + describe(m.getTargetType()), e);
    }
    if (e instanceof JsonParseException || e instanceof MismatchedInputException) {
      String msg = firstLine(e.getOriginalMessage());
      if (msg.startsWith("Duplicate field")) {
        return new FactsException("FACTS-007", where, msg.replace("Duplicate field", "duplicate field"), e);
      }
      return new FactsException("FACTS-004", where, "malformed JSON: " + msg, e);
    }
    if (e instanceof JsonMappingException m) {
      return new FactsException("FACTS-006", where, path(m.getPath()) + ": " + firstLine(e.getOriginalMessage()), e);
    }
    return new FactsException("FACTS-004", where, "malformed JSON: " + firstLine(e.getOriginalMessage()), e);
  }

  /**
   * The unknown field of the object whose constructor check failed, when it has one. Jackson reports
   * unknown fields of a record only after building it, so a misspelt field would otherwise be hidden
   * behind the check it causes to fail: {@code {"workload": {"montlyTokens": 5}}} is missing its
   * volume because the volume is misspelt, and the user needs the "did you mean" of the unknown field.
   */
  static FactsException unknownFieldBehind(String origin, byte[] bytes, JsonProcessingException e, long firstLine) {
    if (!(e instanceof ValueInstantiationException v) || v.getType() == null || !v.getType().getRawClass().isRecord()) {
      return null;
    }
    com.fasterxml.jackson.databind.JsonNode node;
    try {
      node = FactsLoader.MAPPER.readTree(bytes);
    } catch (java.io.IOException | RuntimeException notJson) {
      return null;
    }
    for (JsonMappingException.Reference r : v.getPath()) {
      node = r.getFieldName() != null ? node.path(r.getFieldName()) : node.path(r.getIndex());
    }
    if (!node.isObject()) {
      return null;
    }
    List<Object> known = new ArrayList<>();
    for (RecordComponent c : v.getType().getRawClass().getRecordComponents()) {
      com.fasterxml.jackson.annotation.JsonProperty jp =
          c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
      known.add(jp != null && !jp.value().isEmpty() ? jp.value() : c.getName());
    }
    for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String hint = closest(name, known);
        String where = FactsLoader.at(origin, e.getLocation(), firstLine);
        return new FactsException("FACTS-005", where, "unknown field \"" + name + "\" in " + path(v.getPath())
            + (hint == null ? "" : "; did you mean \"" + hint + "\"?"), e);
      }
    }
    return null;
  }

  /** Databind wraps low-level read errors (syntax, number range); classify by the read error itself. */
  private static JsonProcessingException streamError(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException r) {
        return r;
      }
    }
    return e;
  }

  private static FactsException unknownField(String where, UnrecognizedPropertyException u) {
    String name = u.getPropertyName();
    String parent = path(u.getPath().subList(0, u.getPath().size() - 1));
    Collection<Object> known = u.getKnownPropertyIds();
    if ((known == null || known.isEmpty()) && u.getReferringClass() != null && u.getReferringClass().isRecord()) {
      known = new ArrayList<>();
      for (RecordComponent c : u.getReferringClass().getRecordComponents()) {
        known.add(c.getName());
      }
    }
    String hint = closest(name, known);
    String msg =
        "unknown field \"" + name + "\" in " + parent + (hint == null ? "" : "; did you mean \"" + hint + "\"?");
    return new FactsException("FACTS-005", where, msg, u);
  }

  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder("$");
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        sb.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  static String closest(String name, Collection<Object> known) {
    if (known == null || known.isEmpty()) {
      return null;
    }
    String best =
        known.stream().map(String::valueOf).min(Comparator.comparingInt(k -> similarity(name, k))).orElse(null);
    return similarity(name, best) <= Math.max(3, name.length() / 2) ? best : null;
  }

  /** Edit distance of the names, or of their camel-case words sorted (catches swapped words). */
  static int similarity(String a, String b) {
    return Math.min(distance(a.toLowerCase(), b.toLowerCase()), distance(words(a), words(b)));
  }

  private static String words(String camel) {
    return Arrays.stream(camel.split("(?=[A-Z])")).map(String::toLowerCase).sorted().reduce("", String::concat);
  }

  /** Levenshtein edit distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a different type";
    }
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Answer.class) {
      return "true, false, null or \"unknown\"";
    }
    if (type.isEnum()) {
      return "one of " + allowed(type);
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String allowed(Class<?> enumType) {
    return Arrays.toString(enumType.getEnumConstants());
  }

  private static String quote(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  /** The first line of Jackson's message, without its internal source and marker details. */
  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return plain(line.replaceAll("\\s*\\(start marker at \\[Source: .*$", "")
        .replaceAll("\\s*\\(for Object starting at \\[Source: .*$", "")
        .replaceAll("\\s*at \\[Source: .*$", ""));
  }

  private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile("`([a-z][\\w$]*\\.)+([A-Z][\\w$]*)[^`]*`");

  /**
   * A parser message without the parser's own vocabulary: no feature switches to "enable", no
   * limit-getter names, no Java class names (a user wrote JSON, not Java).
   */
  static String plain(String message) {
    String m = message
        .replaceAll("Non-standard token '([^']*)': enable `[^`]+` to allow", "'$1' is not a JSON number")
        .replaceAll("[:;,]?\\s*enable `[^`]+` to allow", "")
        .replaceAll(",?\\s*from `[^`]*StreamReadConstraints[^`]*`", "")
        .replaceAll("\\s*\\(for `[^`]+`\\)", "")
        .replaceAll("`(int|long|short)`", "an integer")
        .replaceAll("`(double|float)`", "a number")
        .replaceAll("`boolean`", "true or false");
    java.util.regex.Matcher j = JAVA_NAME.matcher(m);
    StringBuilder out = new StringBuilder();
    while (j.find()) {
      j.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(kind(j.group(2))));
    }
    j.appendTail(out);
    return out.toString().replace("(, ", "(").replace("()", "").trim();
  }

  private static String kind(String javaType) {
    return switch (javaType) {
      case "String" -> "text";
      case "Integer", "Long", "Short", "BigInteger" -> "an integer";
      case "Double", "Float", "BigDecimal", "Number" -> "a number";
      case "Boolean" -> "true or false";
      case "List", "ArrayList", "Set", "Collection" -> "a list";
      default -> "an object";
    };
  }
}
