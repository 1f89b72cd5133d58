package bvb.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.engine.Doc;
import bvb.facts.Strategy;
import bvb.tco.TcoStrategy;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void everyStrategyHasItsOwnPlainEnglishName() {
    Set<String> seen = new HashSet<>();
    for (Strategy s : Strategy.values()) {
      String name = Names.plainName(s);
      assertFalse(name.isBlank(), s.name());
      assertFalse(name.contains("_"), s + " named by words, not a code: " + name);
      assertTrue(seen.add(name), "two strategies share the name " + name);
    }
    assertEquals("Self-host an open-weight model", Names.plainName(Strategy.SELF_HOST_OPEN));
    assertEquals("Self-host an open-weight model (SELF_HOST_OPEN)", Names.withCode(Strategy.SELF_HOST_OPEN));
  }

  @Test
  void everyCostedStrategyIsNamedLikeTheStrategyOfTheSameCode() {
    for (TcoStrategy t : TcoStrategy.values()) {
      assertEquals(Names.plainName(Strategy.valueOf(t.name())), Names.plainName(t));
    }
  }

  @Test
  void documentsAreShortTitledByNumberAndTitleWithoutTheirKind() {
    assertEquals("000 · You Can Finally Build Your Own LLM", Names.shortTitle(Doc.S000));
    assertEquals("004 · Build vs. Buy Decision Framework & TCO", Names.shortTitle(Doc.S004));
    assertEquals("bvb's own rules", Names.shortTitle(Doc.BVB));
    for (Doc d : Doc.values()) {
      assertFalse(Names.shortTitle(d).contains(".txt"), d.name());
    }
  }

  @Test
  void aRuleSourceNamesItsDocumentByShortTitle() {
    assertEquals("004 · Build vs. Buy Decision Framework & TCO: the API is cheaper below 1M tokens/day",
        Names.source("004_8337c1cb1b4d2fe8.txt: the API is cheaper below 1M tokens/day"));
    assertEquals("bvb: reconciliation", Names.source("bvb: reconciliation"));
    assertEquals("", Names.source(null));
  }
}
