package bvb.rules;

import bvb.engine.Phase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** bvb's rule conventions that Drools does not check: metadata, phases and unique ids. */
final class Conventions {
  private Conventions() {}

  static List<RuleError> check(List<RuleInfo> rules) {
    List<RuleError> errors = new ArrayList<>();
    Map<String, RuleInfo> byId = new HashMap<>();
    for (RuleInfo r : rules) {
      if (blank(r.id())) {
        errors.add(err(r, "RULES-020", "rule \"" + r.name() + "\" has no @id(...) metadata"));
      } else {
        RuleInfo first = byId.putIfAbsent(r.id(), r);
        if (first != null) {
          errors.add(
              err(r, "RULES-021", "duplicate rule id " + r.id() + " (also " + first.file() + ":" + first.line() + ")"));
        }
      }
      if (blank(r.source())) {
        errors.add(err(r, "RULES-022", "rule \"" + r.name() + "\" has no @source(...) metadata"));
      }
      if (r.phase() == null || !Phase.groups().contains(r.phase())) {
        errors.add(
            err(
                r,
                "RULES-023",
                "rule \"" + r.name() + "\" must set agenda-group to one of " + Phase.groups()
                    + (r.phase() == null ? "" : ", not \"" + r.phase() + "\"")));
      }
    }
    return errors;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static RuleError err(RuleInfo r, String code, String message) {
    return new RuleError(r.file(), r.line(), 0, code, message);
  }
}
