package bvb.rules;

import bvb.TestRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.catalog.PriceCatalog;
import bvb.engine.Engine;
import bvb.facts.FactsLoader;
import bvb.report.DecisionJson;
import bvb.report.Json;
import bvb.scenario.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCacheTest {
  @TempDir Path cacheDir;
  @TempDir Path rulesCopy;

  private RuleCache cache() {
    return new RuleCache(cacheDir, "test");
  }

  @Test
  void cachedRuleSetDecidesEverySampleExactlyLikeAFreshCompile() throws Exception {
    RuleFiles files = RuleFiles.read(Path.of("rules"));
    RuleSet fresh = RuleCompiler.compile(files, cache());
    RuleSet cached = cache().load(files);
    assertNotNull(cached, "stored entry loads");
    assertEquals(fresh.rules(), cached.rules());
    PriceCatalog prices = PriceCatalog.load(Path.of("rules/prices.json"));
    Engine a = new Engine(fresh, prices, 12, 365);
    Engine b = new Engine(cached, prices, 12, 365);
    LocalDate day = LocalDate.of(2026, 11, 25);
    for (Path sample : Samples.list(Path.of("facts-samples"))) {
      var facts = FactsLoader.load(sample).facts();
      assertEquals(
          Json.MAPPER.writeValueAsString(DecisionJson.toJson(a.decide(facts, day), "t")),
          Json.MAPPER.writeValueAsString(DecisionJson.toJson(b.decide(facts, day), "t")),
          sample.toString());
    }
  }

  @Test
  void corruptEntryIsDeletedAndNeverTrusted() throws Exception {
    RuleFiles files = RuleFiles.read(Path.of("rules"));
    RuleCompiler.compile(files, cache());
    Path entry;
    try (Stream<Path> s = Files.list(cacheDir)) {
      entry = s.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(entry);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(entry, bytes);
    assertNull(cache().load(files));
    assertFalse(Files.exists(entry));
    Files.write(entry, new byte[] {1, 2, 3});
    assertNull(cache().load(files));
    assertNotNull(RuleCompiler.compile(files, cache()), "rebuilt after corruption");
    assertNotNull(cache().load(files));
  }

  @Test
  void anyEditAddedOrRemovedFileMissesTheCache() throws Exception {
    TestRules.copyTo(rulesCopy);
    RuleCompiler.compile(RuleFiles.read(rulesCopy), cache());
    assertNotNull(cache().load(RuleFiles.read(rulesCopy)));
    Path tree = rulesCopy.resolve("40-tree-004.drl");
    Files.writeString(tree, Files.readString(tree) + "\n// edited\n");
    assertNull(cache().load(RuleFiles.read(rulesCopy)), "edited file");
    Files.writeString(rulesCopy.resolve("99-extra.drl"), "package x;\n");
    assertNull(cache().load(RuleFiles.read(rulesCopy)), "added file");
    assertTrue(new RuleCache(cacheDir, "other-version").load(RuleFiles.read(Path.of("rules"))) == null,
        "another bvb/Drools version never reads this entry");
  }

  @Test
  void anEntryStoredForAnIdenticalCopyNamesTheFilesOfTheDirectoryLoaded() throws Exception {
    TestRules.copyTo(rulesCopy);
    RuleCompiler.compile(RuleFiles.read(rulesCopy), cache());
    RuleSet fromCache = cache().load(RuleFiles.read(Path.of("rules")));
    assertNotNull(fromCache, "same names and bytes: same entry");
    for (RuleInfo r : fromCache.rules()) {
      assertTrue(r.file().startsWith("rules" + java.io.File.separator), r.file());
    }
  }
}
