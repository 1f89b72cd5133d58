package bvb.rules;

/** What the audit and reports know about a compiled rule: its metadata and where it is. */
public record RuleInfo(String id, String name, String source, String phase, String file, int line) {}
