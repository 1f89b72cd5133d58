/**
 * The rule files a decision runs (beside facts → TCO → engine → report): reading {@code rules/}
 * (DRL files and CSV decision tables), compiling them with Drools into a {@link bvb.rules.RuleSet},
 * and checking bvb's conventions ({@code @id}, {@code @source}, one phase per rule, unique ids).
 * {@link bvb.engine.Engine} decides with the compiled set; the audit and reports read its
 * {@link bvb.rules.RuleInfo}s.
 */
package bvb.rules;
