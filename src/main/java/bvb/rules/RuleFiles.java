package bvb.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The rule files of a rules directory ({@code *.drl}, and {@code *.csv} decision tables), read once, in name order, with their content hash. */
public record RuleFiles(Path dir, List<RuleFiles.Source> sources, String sha256) {

  /** One rule file: its name relative to the directory and its bytes. */
  public record Source(String name, byte[] bytes) {
    /** The file as DRL: a {@code .drl} file's text, or the DRL a decision table compiles to; throws {@link RulesException}. */
    Translation translate() {
      if (!isTable()) {
        return Translation.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      }
      String key = hash(List.of(this));
      synchronized (TABLES) {
        Translation t = TABLES.get(key);
        if (t != null) {
          return t;
        }
      }
      Translation t = DecisionTable.translate(name, bytes);
      synchronized (TABLES) {
        TABLES.put(key, t);
      }
      return t;
    }

    /** A decision table ({@code *.csv}) rather than DRL. */
    public boolean isTable() {
      return name.endsWith(".csv");
    }
  }

  /** Tables compiled to DRL, by file name and content: a table is translated once per process. */
  private static final java.util.Map<String, Translation> TABLES = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, Translation> eldest) {
      return size() > 64;
    }
  };

  /** Rule files: DRL, and decision tables in CSV. */
  static boolean isRuleFile(Path p) {
    String n = p.getFileName().toString();
    // "~$name.csv" is the owner file Excel keeps beside a table it has open; ".name" is hidden
    return (n.endsWith(".drl") || n.endsWith(".csv")) && !n.startsWith("~$") && !n.startsWith(".");
  }

  /** A spreadsheet saved in a format bvb does not read: its rules would be silently missing. */
  private static boolean isUnreadTable(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return !n.startsWith("~$") && (n.endsWith(".xlsx") || n.endsWith(".xls") || n.endsWith(".ods"));
  }

  /** The DRL a rule file compiles to (a table's generated DRL); throws {@link RulesException} for a broken table. */
  public String drl(String name) {
    for (Source s : sources) {
      if (s.name().equals(name)) {
        return translate(s).drl();
      }
    }
    throw new RulesException(List.of(new RuleError(display(name), 0, 0, "RULES-001", "no such rule file in " + dir)));
  }

  /** Every rule file as DRL, by name (tables as generated DRL); throws {@link RulesException} for a broken table. */
  public java.util.Map<String, String> drlByName() {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Source s : sources) {
      out.put(s.name(), translate(s).drl());
    }
    return out;
  }

  /** A rule file as DRL; a broken table's errors name the file as the user would type it. */
  Translation translate(Source s) {
    try {
      return s.translate();
    } catch (RulesException e) {
      throw new RulesException(e.errors().stream()
          .map(x -> new RuleError(display(x.file()), x.line(), x.column(), x.code(), x.message())).toList());
    }
  }

  /** Largest rule file read, in bytes. */
  public static final int MAX_FILE_BYTES = 8 << 20;

  public static RuleFiles read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new RulesException(
          List.of(new RuleError(dir.toString(), 0, 0, "RULES-001", "rules directory not found")));
    }
    List<Source> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.sorted().toList();
      for (Path p : all.stream().filter(RuleFiles::isUnreadTable).toList()) {
        throw new RulesException(List.of(new RuleError(p.toString(), 0, 0, "RULES-003",
            "is a spreadsheet bvb does not read: save the decision table as CSV UTF-8 (" + p.getFileName().toString()
                .replaceFirst("\\.[A-Za-z]+$", ".csv") + ") and move this file out of the rules directory")));
      }
      for (Path p : all.stream().filter(RuleFiles::isRuleFile).toList()) {
        byte[] bytes = bvb.facts.Bounded.read(p, MAX_FILE_BYTES);
        if (bytes.length > MAX_FILE_BYTES) {
          throw new RulesException(List.of(new RuleError(p.toString(), 0, 0, "RULES-001",
              "is larger than " + MAX_FILE_BYTES + " bytes; not a rule file")));
        }
        sources.add(new Source(p.getFileName().toString(), bytes));
      }
    } catch (IOException e) {
      throw new RulesException(
          List.of(new RuleError(dir.toString(), 0, 0, "RULES-001", "cannot read: " + e.getMessage())));
    }
    if (sources.isEmpty()) {
      throw new RulesException(
          List.of(new RuleError(dir.toString(), 0, 0, "RULES-002", "no .drl or .csv rule files in the rules directory")));
    }
    return new RuleFiles(dir, List.copyOf(sources), hash(sources));
  }

  /** SHA-256 over the sorted files: each file's name, a NUL, its length, a NUL, its bytes. */
  static String hash(List<Source> sources) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Source s : sources) {
        md.update(s.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Integer.toString(s.bytes().length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(s.bytes());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Display path of a rule file, as the user would type it. */
  public String display(String name) {
    return dir.resolve(name).toString();
  }
}
