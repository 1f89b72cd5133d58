package bvb.engine;

import java.util.List;
import java.util.Map;

/**
 * One rule firing, in order: the rule's metadata, the facts it matched, the values its pattern
 * bindings ({@code $name}) held, and the conclusions its consequence inserted.
 */
public record Firing(
    int seq,
    String ruleId,
    String ruleName,
    String source,
    String phase,
    List<Object> matched,
    Map<String, Object> bindings,
    List<Conclusion> produced) {}
