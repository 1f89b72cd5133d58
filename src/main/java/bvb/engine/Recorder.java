package bvb.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/** Records every firing with its matched facts, and every conclusion in the order rules inserted it. */
final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
  final List<Firing> firings = new ArrayList<>();
  final List<Conclusion> conclusions = new ArrayList<>();
  private final List<Conclusion> pending = new ArrayList<>();
  /** The rule whose consequence is running, null between firings (read on the same thread). */
  Rule firing;
  /** False for a decision whose firings only need naming (a batch summary): no matched facts or bindings kept. */
  private final boolean matches;

  Recorder() {
    this(true);
  }

  Recorder(boolean matches) {
    this.matches = matches;
  }

  @Override
  public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
    firing = event.getMatch().getRule();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    firing = null;
    Match m = event.getMatch();
    Rule rule = m.getRule();
    if (!matches) {
      firings.add(new Firing(firings.size() + 1, Conclude.meta(rule, "id"), rule.getName(), Conclude.meta(rule, "source"),
          ((org.drools.base.definitions.rule.impl.RuleImpl) rule).getAgendaGroup(), List.of(), Map.of(), List.copyOf(pending)));
      pending.clear();
      return;
    }
    Map<String, Object> bindings = new LinkedHashMap<>();
    for (String id : m.getDeclarationIds()) {
      bindings.put(id, m.getDeclarationValue(id));
    }
    firings.add(
        new Firing(
            firings.size() + 1,
            Conclude.meta(rule, "id"),
            rule.getName(),
            Conclude.meta(rule, "source"),
            ((org.drools.base.definitions.rule.impl.RuleImpl) rule).getAgendaGroup(),
            m.getObjects().stream().filter(o -> !isEngineInternal(o)).toList(),
            bindings,
            List.copyOf(pending)));
    pending.clear();
  }

  /** Drools' own InitialFact (matched by "not" patterns) is no fact of the user's. */
  private static boolean isEngineInternal(Object o) {
    return o.getClass().getName().startsWith("org.drools.");
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    if (event.getObject() instanceof Conclusion c) {
      conclusions.add(c);
      pending.add(c);
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {}

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    if (event.getOldObject() instanceof Conclusion c) {
      conclusions.remove(c);
    }
  }
}
