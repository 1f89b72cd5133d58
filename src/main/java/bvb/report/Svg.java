package bvb.report;

import java.util.List;
import java.util.Locale;

/**
 * A small builder of inline SVG: rectangles, lines, polylines, circles and text. Every text and
 * attribute value is escaped; coordinates are written with one decimal.
 */
final class Svg {
  /** The SVG namespace: the only URL a report contains. */
  static final String XMLNS = "http://www.w3.org/2000/svg";

  private final StringBuilder sb = new StringBuilder();

  Svg(int width, int height, String label) {
    sb.append("<svg xmlns=\"").append(XMLNS).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"").append(Html.esc(label)).append("\" class=\"chart\">\n");
  }

  static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A filled rectangle with a hover title (null for none). */
  Svg rect(double x, double y, double w, double h, String fill, String title) {
    sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
        .append(n(Math.max(0, w))).append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"")
        .append(Html.esc(fill)).append('"');
    return titled(title, "rect");
  }

  /** A straight line; {@code dash} is an SVG dash array or null for solid. */
  Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
    sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(Html.esc(stroke))
        .append("\" stroke-width=\"").append(n(width)).append('"');
    dash(dash);
    sb.append("/>\n");
    return this;
  }

  /** An open polyline through {@code pts} ({x, y} pairs). */
  Svg polyline(List<double[]> pts, String stroke, double width, String dash) {
    sb.append("<polyline fill=\"none\" stroke=\"").append(Html.esc(stroke)).append("\" stroke-width=\"")
        .append(n(width)).append("\" stroke-linejoin=\"round\"");
    dash(dash);
    sb.append(" points=\"");
    for (double[] p : pts) {
      sb.append(n(p[0])).append(',').append(n(p[1])).append(' ');
    }
    sb.append("\"/>\n");
    return this;
  }

  Svg circle(double cx, double cy, double r, String fill, String stroke, String title) {
    sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
        .append("\" fill=\"").append(Html.esc(fill)).append("\" stroke=\"").append(Html.esc(stroke))
        .append("\" stroke-width=\"2\"");
    return titled(title, "circle");
  }

  /** Text; {@code anchor} is start, middle or end; {@code cls} a CSS class or null. */
  Svg text(double x, double y, String s, String anchor, String cls) {
    sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
        .append(Html.esc(anchor)).append('"');
    if (cls != null) {
      sb.append(" class=\"").append(Html.esc(cls)).append('"');
    }
    sb.append('>').append(Html.esc(s)).append("</text>\n");
    return this;
  }

  /** Text rotated 90 degrees counter-clockwise about its anchor point (y-axis titles). */
  Svg verticalText(double x, double y, String s, String cls) {
    sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"middle\" class=\"")
        .append(Html.esc(cls)).append("\" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y))
        .append(")\">").append(Html.esc(s)).append("</text>\n");
    return this;
  }

  private void dash(String dash) {
    if (dash != null) {
      sb.append(" stroke-dasharray=\"").append(Html.esc(dash)).append('"');
    }
  }

  private Svg titled(String title, String tag) {
    if (title == null) {
      sb.append("/>\n");
    } else {
      sb.append("><title>").append(Html.esc(title)).append("</title></").append(tag).append(">\n");
    }
    return this;
  }

  /** The finished element. */
  String end() {
    return sb + "</svg>\n";
  }
}
