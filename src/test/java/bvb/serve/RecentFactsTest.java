package bvb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.facts.FactSet;
import bvb.facts.FactsLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecentFactsTest {
  static FactSet load(String sample) {
    return FactsLoader.load(Path.of("facts-samples", sample)).facts();
  }

  @Test
  void keepsOnlyTheLatestFactSetsUpToItsCapacity() {
    RecentFacts recent = new RecentFacts(2);
    assertTrue(recent.snapshot().isEmpty());
    FactSet a = load("sc-05-company-b.json");
    FactSet b = load("sc-06-company-c.json");
    FactSet c = load("sc-01-chatbot.json");
    recent.add(a);
    assertEquals(1, recent.snapshot().size());
    recent.add(b);
    recent.add(c);
    Set<String> names = recent.snapshot().stream().map(FactSet::name).collect(Collectors.toSet());
    assertEquals(Set.of(b.name(), c.name()), names);
  }

  @Test
  void knowsWhetherAFactSetCameWithinAWindow() throws Exception {
    RecentFacts recent = new RecentFacts(4);
    assertFalse(recent.addedWithin(Duration.ofHours(1)), "nothing added yet");
    recent.add(load("sc-05-company-b.json"));
    assertTrue(recent.addedWithin(Duration.ofHours(1)));
    Thread.sleep(20);
    assertFalse(recent.addedWithin(Duration.ofMillis(10)));
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new RecentFacts(0));
  }
}
