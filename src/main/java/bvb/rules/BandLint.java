package bvb.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Band lint: the rules of one band (rule metadata {@code @band("spend.annual")}, in any file or
 * table) each test one numeric fact against constant bounds; together they should cover every
 * value exactly once. Reports gaps, overlaps and boundaries left open on both sides ({@code < 50000}
 * then {@code > 50000}), except those a band rule declares: {@code @bandGap("[500000, inf)")} or
 * {@code @bandOverlap("FTDATA-005 [500, 2000)")} (this rule and FTDATA-005 both cover [500, 2000)).
 * Works on Drools' parsed descriptors, never on the rule text.
 */
public final class BandLint {
  /** A rule file as DRL (a decision table as the DRL it compiles to) and where each rule is, as {line, column}. */
  public record Unit(String file, String drl, Function<RuleDescr, int[]> where) {}

  /** One band rule: its id, where it is, and the constant bounds its top-level patterns put on each fact. */
  private record Member(String id, String file, int line, int column, ConstantBounds bounds, List<String> gaps, List<String> overlaps) {}

  private BandLint() {}

  /** Every finding in the rule files read (decision tables as the DRL they compile to). */
  public static List<RuleError> check(RuleFiles files) {
    List<Unit> units = new ArrayList<>();
    for (RuleFiles.Source s : files.sources()) {
      Translation t = files.translate(s);
      units.add(new Unit(files.display(s.name()), t.drl(), r -> t.where(r.getName(), r.getLine())));
    }
    return check(units);
  }

  /** Every finding in these rule files, sorted by place; empty when every band is clean. */
  public static List<RuleError> check(List<Unit> units) {
    List<RuleError> out = new ArrayList<>();
    Map<String, List<Member>> bands = new LinkedHashMap<>();
    Map<String, String> fields = new LinkedHashMap<>();
    for (Unit u : units) {
      for (Banded b : banded(u)) {
        if (b.field() != null) {
          fields.putIfAbsent(b.band(), b.field());
        }
        bands.computeIfAbsent(b.band(), k -> new ArrayList<>()).add(b.member());
      }
    }
    bands.forEach((band, members) -> out.addAll(checkBand(band, fields.get(band), members)));
    out.sort(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line).thenComparing(RuleError::message));
    return out;
  }

  /** One band rule of a file: its band, the fact its {@code @band} names (or null), and what it bounds. */
  private record Banded(String band, String field, Member member) {}

  /**
   * The band rules of files already parsed, by file name and text (at most 512 files): a resident bvb
   * re-linting after a one-file edit parses only that file.
   */
  private static final Map<String, List<Banded>> PARSED = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<Banded>> eldest) {
      return size() > 512;
    }
  };

  private static List<Banded> banded(Unit u) {
    String key = u.file() + '\n' + u.drl();
    synchronized (PARSED) {
      List<Banded> known = PARSED.get(key);
      if (known != null) {
        return known;
      }
    }
    List<Banded> found = parse(u);
    synchronized (PARSED) {
      PARSED.put(key, found);
    }
    return found;
  }

  private static List<Banded> parse(Unit u) {
    List<Banded> found = new ArrayList<>();
    PackageDescr pkg;
    DrlParser parser = new DrlParser();
    try {
      pkg = parser.parse(false, u.drl());
    } catch (DroolsParserException e) {
      return List.of(); // the compile reports it
    }
    if (pkg == null || parser.hasErrors()) {
      return List.of();
    }
    for (RuleDescr r : pkg.getRules()) {
      String band = value(r, "band");
      if (band == null) {
        continue;
      }
      int[] at = u.where().apply(r);
      String name = band;
      String field = null;
      int colon = band.indexOf(':');
      if (colon >= 0) {
        name = band.substring(0, colon).strip();
        field = band.substring(colon + 1).strip();
      }
      String id = value(r, "id") == null ? r.getName() : value(r, "id");
      found.add(new Banded(name, field,
          new Member(id, u.file(), at[0], at[1], ConstantBounds.of(r), list(value(r, "bandGap")), list(value(r, "bandOverlap")))));
    }
    return List.copyOf(found);
  }

  private static List<RuleError> checkBand(String band, String declaredField, List<Member> members) {
    List<RuleError> out = new ArrayList<>();
    Member first = members.get(0);
    String field = declaredField != null ? declaredField : commonField(members);
    if (field == null) {
      Set<String> seen = new TreeSet<>();
      members.forEach(m -> seen.addAll(m.bounds().intervals().keySet()));
      out.add(err(first, "LINT-004", "band " + band + ": no single numeric fact has constant bounds in most rules"
          + " of the band (bounded: " + seen + "); name it: @band(\"" + band + ": Type.field\")"));
      return out;
    }
    for (Member m : members) {
      if (!m.bounds().intervals().containsKey(field)) {
        out.add(err(m, "LINT-004", "band " + band + ": rule " + m.id() + " has no constant bound on " + field));
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        Member a = members.get(i);
        Member b = members.get(j);
        Interval both = a.bounds().intervals().get(field).intersect(b.bounds().intervals().get(field));
        if (!both.isEmpty() && !a.bounds().exclusive(b.bounds(), field)) {
          findings.add(new Finding(b, a, both, false));
        }
      }
    }
    findings.addAll(gaps(field, members));
    List<Declared> declared = declarations(band, members, out);
    for (Finding f : findings) {
      Declared d = declared.stream().filter(x -> x.matches(f)).findFirst().orElse(null);
      if (d != null) {
        d.used = true;
      } else {
        out.add(f.error(band, field));
      }
    }
    for (Declared d : declared) {
      if (!d.used) {
        out.add(err(d.on, "LINT-005", "band " + band + ": declared " + (d.other == null ? "gap " : "overlap with " + d.other + " on ")
            + d.interval + " is not what the rules leave (" + field + "): update or remove the declaration"));
      }
    }
    return out;
  }

  /** The fact most members bound with constants (every member should); null when two facts tie. */
  private static String commonField(List<Member> members) {
    Map<String, Integer> count = new java.util.TreeMap<>();
    members.forEach(m -> m.bounds().intervals().keySet().forEach(k -> count.merge(k, 1, Integer::sum)));
    int most = count.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<String> top = count.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
    return top.size() == 1 ? top.get(0) : null;
  }

  /** The stretches of the line no member covers, each with the members on either side. */
  private static List<Finding> gaps(String field, List<Member> members) {
    List<Finding> out = new ArrayList<>();
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingDouble((Member m) -> m.bounds().intervals().get(field).lo())
        .thenComparing(m -> !m.bounds().intervals().get(field).loClosed()));
    double reach = Double.NEGATIVE_INFINITY; // everything below reach (and reach itself if reachClosed) is covered
    boolean reachClosed = false;
    Member left = null;
    for (Member m : sorted) {
      Interval i = m.bounds().intervals().get(field);
      boolean gap = i.lo() > reach || (i.lo() == reach && !reachClosed && !i.loClosed() && !Double.isInfinite(reach));
      if (gap) {
        out.add(new Finding(m, left, new Interval(reach, !reachClosed, i.lo(), !i.loClosed()), true));
      }
      if (i.hi() > reach || (i.hi() == reach && i.hiClosed())) {
        reach = i.hi();
        reachClosed = i.hiClosed();
        left = m;
      }
    }
    if (reach < Double.POSITIVE_INFINITY) {
      out.add(new Finding(left, left, new Interval(reach, !reachClosed, Double.POSITIVE_INFINITY, false), true));
    }
    return out;
  }

  /** A gap (after {@code other}, before {@code at}) or an overlap of {@code at} and {@code other}. */
  private record Finding(Member at, Member other, Interval interval, boolean gap) {
    RuleError error(String band, String field) {
      if (!gap) {
        return err(at, "LINT-002", "band " + band + ": " + other.id() + " and " + at.id() + " both cover " + field
            + " in " + interval + "; narrow one, or declare it: @bandOverlap(\"" + other.id() + " " + interval + "\")");
      }
      boolean point = interval.lo() == interval.hi();
      if (point && other != null && other != at) {
        return err(at, "LINT-003", "band " + band + ": " + field + " = " + Interval.num(interval.lo()) + " is in no rule: "
            + other.id() + " stops below it and " + at.id() + " starts above it; make one of them inclusive");
      }
      String between = other == null ? "below " + at.id() : other == at ? "above " + at.id() : "between " + other.id() + " and " + at.id();
      return err(at, "LINT-001", "band " + band + ": no rule covers " + field + " in " + interval + " (" + between
          + "); close it, or declare it: @bandGap(\"" + interval + "\")");
    }
  }

  /** A gap or overlap a band rule declares as intended. */
  private static final class Declared {
    final Member on;
    final String other;
    final Interval interval;
    boolean used;

    Declared(Member on, String other, Interval interval) {
      this.on = on;
      this.other = other;
      this.interval = interval;
    }

    boolean matches(Finding f) {
      if (!f.interval().sameAs(interval)) {
        return false;
      }
      if (other == null) {
        return f.gap();
      }
      return !f.gap() && (f.at() == on && f.other().id().equals(other) || f.other() == on && f.at().id().equals(other));
    }
  }

  private static List<Declared> declarations(String band, List<Member> members, List<RuleError> out) {
    List<Declared> declared = new ArrayList<>();
    for (Member m : members) {
      for (String g : m.gaps()) {
        Interval i = Interval.parse(g);
        if (i == null) {
          out.add(err(m, "LINT-006", "band " + band + ": @bandGap(\"" + g + "\") is not an interval such as [500000, inf)"));
        } else {
          declared.add(new Declared(m, null, i));
        }
      }
      for (String o : m.overlaps()) {
        int space = o.indexOf(' ');
        Interval i = space < 0 ? null : Interval.parse(o.substring(space + 1));
        if (i == null) {
          out.add(err(m, "LINT-006", "band " + band + ": @bandOverlap(\"" + o + "\") is not \"OTHER-ID [from, to)\""));
        } else {
          declared.add(new Declared(m, o.substring(0, space), i));
        }
      }
    }
    return declared;
  }

  private static RuleError err(Member m, String code, String message) {
    return new RuleError(m.file(), m.line(), m.column(), code, message);
  }

  /** A metadata value without its quotes; null if absent. */
  static String value(RuleDescr r, String key) {
    AnnotationDescr a = r.getAnnotation(key);
    if (a == null || a.getSingleValueAsString() == null) {
      return null;
    }
    String v = a.getSingleValueAsString().strip();
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
  }

  private static List<String> list(String v) {
    if (v == null) {
      return List.of();
    }
    return java.util.Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
