package bvb.report;

/** Escaping for text and attribute values placed in HTML or SVG. */
final class Html {
  private Html() {}

  /** {@code s} with {@code & < > " '} replaced by entities; null becomes the empty string. */
  static String esc(Object s) {
    if (s == null) {
      return "";
    }
    String t = s.toString();
    StringBuilder sb = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
