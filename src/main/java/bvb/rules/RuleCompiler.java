package bvb.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.io.DescrResource;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/** Compiles rule files with Drools and checks bvb's conventions; all-or-nothing. */
final class RuleCompiler {
  private static final Pattern LINE_COL = Pattern.compile("[Ll]ine (\\d+):(\\d+)");

  private RuleCompiler() {}

  static RuleSet compile(RuleFiles files) {
    return compile(files, null);
  }

  /** Compiles, or loads the cached compile of identical files; a fresh compile is stored in the cache. */
  static RuleSet compile(RuleFiles files, RuleCache cache) {
    if (cache != null) {
      RuleSet cached = cache.load(files);
      if (cached != null) {
        return cached;
      }
    }
    Compiled compiled = compileAll(files);
    if (cache != null) {
      cache.store(compiled.ruleSet(), compiled.packages());
    }
    return compiled.ruleSet();
  }

  /** A compiled rule set and the knowledge packages it was built from. */
  record Compiled(RuleSet ruleSet, Collection<KiePackage> packages) {}

  /** Compiles every file and checks the conventions; throws {@link RulesException}. */
  static Compiled compileAll(RuleFiles files) {
    KnowledgeBuilder kb = build(files, files);
    KieBase kieBase = kb.newKieBase();
    return new Compiled(checked(files, kieBase), kb.getKnowledgePackages());
  }

  /** Compiles these files alone into packages (no rule base, no convention check); throws {@link RulesException}. */
  static Compiled compilePackages(RuleFiles files, RuleFiles context) {
    return new Compiled(null, build(files, context).getKnowledgePackages());
  }

  /** The rule set of a rule base built from these files, once bvb's conventions hold; throws {@link RulesException}. */
  static RuleSet checked(RuleFiles files, KieBase kieBase) {
    List<RuleInfo> infos = describe(files, kieBase);
    List<RuleError> violations = Conventions.check(infos);
    if (!violations.isEmpty()) {
      throw new RulesException(sorted(violations));
    }
    return new RuleSet(kieBase, infos, files.sha256(), files.dir().toString());
  }

  /** Compiles {@code files}, each rule at its load order among all of {@code context}'s files. */
  private static KnowledgeBuilder build(RuleFiles files, RuleFiles context) {
    KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
    List<RuleError> errors = new ArrayList<>();
    LoadOrder order = LoadOrder.of(context, errors);
    Map<String, Translation> tables = new HashMap<>();
    for (RuleFiles.Source s : files.sources()) {
      if (s.isTable()) {
        try {
          tables.put(s.name(), files.translate(s));
        } catch (RulesException e) {
          errors.addAll(e.errors());
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new RulesException(sorted(errors)); // nothing is compiled from a set with a broken table
    }
    for (RuleFiles.Source s : order.compileOrder(files)) {
      byte[] drl = tables.containsKey(s.name()) ? tables.get(s.name()).drl().getBytes(StandardCharsets.UTF_8) : s.bytes();
      Resource r = ResourceFactory.newByteArrayResource(drl);
      r.setSourcePath(s.name());
      r.setResourceType(ResourceType.DRL);
      PackageDescr placed = order.governs(s) ? order.descr(s, new String(drl, StandardCharsets.UTF_8), r) : null;
      if (placed != null) {
        DescrResource d = new DescrResource(placed); // the rules at their load order (LoadOrder)
        d.setSourcePath(s.name());
        d.setResourceType(ResourceType.DESCR);
        kb.add(d, ResourceType.DESCR);
      } else {
        kb.add(r, ResourceType.DRL);
      }
    }
    for (KnowledgeBuilderResult res : kb.getResults(ResultSeverity.ERROR)) {
      errors.add(toError(files, tables, res));
    }
    if (!errors.isEmpty()) {
      throw new RulesException(sorted(withoutEchoes(errors)));
    }
    return kb;
  }

  /** Drools adds "Parser returned a null Package" after a file's real syntax errors; drop the echo. */
  private static List<RuleError> withoutEchoes(List<RuleError> errors) {
    List<RuleError> kept = new ArrayList<>();
    for (RuleError e : errors) {
      boolean echo = e.message().startsWith("Parser returned a null Package")
          && errors.stream().anyMatch(o -> o != e && o.file().equals(e.file()) && o.line() > 0);
      if (!echo) {
        kept.add(e);
      }
    }
    return kept;
  }

  private static RuleError toError(RuleFiles files, Map<String, Translation> tables, KnowledgeBuilderResult res) {
    String name = res.getResource() == null ? "?" : res.getResource().getSourcePath();
    String message = res.getMessage() == null ? "" : res.getMessage().strip();
    int line = res.getLines() != null && res.getLines().length > 0 ? res.getLines()[0] : 0;
    int column = 0;
    Matcher m = LINE_COL.matcher(message);
    if (m.find()) {
      line = Integer.parseInt(m.group(1));
      column = Integer.parseInt(m.group(2));
    }
    Translation table = tables.get(name);
    if (table != null) {
      int[] at = table.locate(line, column);
      return new RuleError(files.display(name), at[0], at[1], "RULES-010", oneLine(message)
          + " (in the DRL this row compiles to, line " + line + ": bvb rules --show-drl " + name + ")");
    }
    return new RuleError(files.display(name), line, column, "RULES-010", oneLine(message));
  }

  /** Collapses Drools' multi-line messages into one line without repeating the location. */
  static String oneLine(String message) {
    String s = message.replaceAll("\\s*\\n\\s*", " ").replaceAll("\\s+", " ").trim();
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }

  private static List<RuleInfo> describe(RuleFiles files, KieBase kieBase) {
    Map<String, Translation> texts = new HashMap<>();
    for (RuleFiles.Source s : files.sources()) {
      texts.put(s.name(), files.translate(s));
    }
    List<RuleInfo> infos = new ArrayList<>();
    for (KiePackage p : kieBase.getKiePackages()) {
      for (Rule rule : p.getRules()) {
        RuleImpl impl = (RuleImpl) rule;
        String file = impl.getResource() == null ? "?" : impl.getResource().getSourcePath();
        infos.add(
            new RuleInfo(
                meta(rule, "id"),
                rule.getName(),
                meta(rule, "source"),
                impl.isMainAgendaGroup() ? null : impl.getAgendaGroup(),
                files.display(file),
                line(texts.get(file), rule.getName())));
      }
    }
    infos.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
    return List.copyOf(infos);
  }

  private static String meta(Rule rule, String key) {
    Object v = rule.getMetaData().get(key);
    return v == null ? null : v.toString();
  }

  /** A rule's line in its DRL file, or its row in its decision table; 0 if not found. */
  private static int line(Translation t, String ruleName) {
    return t == null ? 0 : t.where(ruleName, lineOf(t.drl(), ruleName))[0];
  }

  /** Line of the {@code rule "name"} header in the file text, 0 if not found. */
  static int lineOf(String text, String ruleName) {
    String[] lines = text.split("\n", -1);
    String quoted = "\"" + ruleName + "\"";
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("rule") && l.contains(quoted)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static List<RuleError> sorted(List<RuleError> errors) {
    return errors.stream()
        .sorted(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line))
        .toList();
  }
}
