package bvb.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collision-aware placement of chart labels. Text boxes are estimated from the font size with
 * per-character advance widths of DejaVu Sans (the widest of the sans-serif fonts the page falls
 * back to), rounded up, and the height the browser gives a text's bounding box (ascent 0.93 em
 * above the baseline, descent 0.24 em below). A label goes to the first of its candidate spots
 * whose box is inside the bounds and clear of every box taken so far; when none is clear, the
 * candidates are tried again shifted up and down in small steps until one is.
 */
final class Labels {
  /** Font size and weight of each CSS class used for SVG text (kept in step with HtmlPage's CSS). */
  static final Map<String, Font> FONTS = Map.of(
      "tick", new Font(12, false),
      "axis-title", new Font(13, true),
      "legend", new Font(13, false),
      "bar-label", new Font(13, true),
      "bar-code", new Font(12, false),
      "seg-label", new Font(12, true),
      "total-label", new Font(13, true),
      "buf-label", new Font(12, false),
      "marker-label", new Font(12, false));

  static final double ASCENT = 0.97;
  static final double DESCENT = 0.23;

  record Font(double size, boolean bold) {}

  /** An axis-aligned rectangle: left, top, width, height. */
  record Box(double x, double y, double w, double h) {
    double right() {
      return x + w;
    }

    double bottom() {
      return y + h;
    }

    /** True when the two boxes share area (touching edges do not count). */
    boolean overlaps(Box o) {
      return x < o.right() - 0.01 && o.x < right() - 0.01 && y < o.bottom() - 0.01 && o.y < bottom() - 0.01;
    }

    boolean inside(Box o) {
      return x >= o.x - 0.01 && y >= o.y - 0.01 && right() <= o.right() + 0.01 && bottom() <= o.bottom() + 0.01;
    }

    Box pad(double p) {
      return new Box(x - p, y - p, w + 2 * p, h + 2 * p);
    }

    /** The box of a circle or point marker. */
    static Box around(double cx, double cy, double r) {
      return new Box(cx - r, cy - r, 2 * r, 2 * r);
    }
  }

  /** Where a label's text is anchored: its x, its baseline y and the SVG text-anchor. */
  record Spot(double x, double y, String anchor) {}

  /** A placed label: the spot chosen and the box it occupies. */
  record Placed(Spot spot, Box box) {}

  static Font font(String cls) {
    Font f = FONTS.get(cls);
    if (f == null) {
      throw new IllegalArgumentException("no font size known for text class " + cls);
    }
    return f;
  }

  /** Estimated rendered width of {@code s} in the given font (never less than the browser's). */
  static double width(String s, Font f) {
    double em = 0;
    for (int i = 0; i < s.length(); i++) {
      em += advance(s.charAt(i));
    }
    return Math.ceil(em * f.size() * (f.bold() ? 1.12 : 1.0) * 1.03 + 1);
  }

  /** The box of a text drawn at {@code spot}. */
  static Box box(String s, Spot spot, Font f) {
    double w = width(s, f);
    double left = switch (spot.anchor()) {
      case "end" -> spot.x() - w;
      case "middle" -> spot.x() - w / 2;
      default -> spot.x();
    };
    return new Box(left, spot.y() - ASCENT * f.size(), w, (ASCENT + DESCENT) * f.size());
  }

  /** Advance width in em of one character in DejaVu Sans (regular), rounded up. */
  private static double advance(char c) {
    if (c >= '0' && c <= '9') {
      return 0.64;
    }
    if ("iIjl|.,:;'!".indexOf(c) >= 0) {
      return 0.34;
    }
    if ("ftr() /-·[]".indexOf(c) >= 0) {
      return 0.42;
    }
    if ("mwMW%".indexOf(c) >= 0) {
      return 1.0;
    }
    if ("=+<>~".indexOf(c) >= 0) {
      return 0.84;
    }
    if (c == '_') {
      return 0.55;
    }
    if (c >= 'A' && c <= 'Z') {
      return 0.72;
    }
    if (c >= 'a' && c <= 'z') {
      return 0.64;
    }
    return 0.7;
  }

  private final Box bounds;
  private final List<Box> taken = new ArrayList<>();

  /** A placer whose labels must stay inside {@code bounds}. */
  Labels(Box bounds) {
    this.bounds = bounds;
  }

  /** Marks an area labels must keep clear of (a marker, a legend, an earlier label). */
  Labels block(Box b) {
    taken.add(b);
    return this;
  }

  /** True when a label with this box may go there. */
  boolean free(Box b) {
    if (!b.inside(bounds)) {
      return false;
    }
    for (Box t : taken) {
      if (b.overlaps(t)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Places {@code text} at the first clear candidate, or else at the nearest clear vertical shift of
   * a candidate (steps of {@code step} px, up to the bounds' height); the chosen box is taken.
   * When nothing is clear at all, the first candidate is used as it is.
   */
  Placed place(String text, Font f, List<Spot> candidates, double step) {
    for (Spot s : candidates) {
      Box b = box(text, s, f);
      if (free(b)) {
        return take(s, b);
      }
    }
    for (double d = step; d <= bounds.h(); d += step) {
      for (Spot s : candidates) {
        for (double dy : new double[] {d, -d}) {
          Spot moved = new Spot(s.x(), s.y() + dy, s.anchor());
          Box b = box(text, moved, f);
          if (free(b)) {
            return take(moved, b);
          }
        }
      }
    }
    Spot first = candidates.get(0);
    return take(first, box(text, first, f));
  }

  private Placed take(Spot s, Box b) {
    taken.add(b);
    return new Placed(s, b);
  }
}
