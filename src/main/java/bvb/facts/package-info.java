/**
 * The first step of a decision (facts → TCO → engine → report): what a workload is, as read from a
 * fact file.
 *
 * <p>{@link bvb.facts.FactsLoader} reads a fact file strictly into a {@link bvb.facts.FactSet}: the
 * {@link bvb.facts.Workload} and its profiles, records that check their own values, with closed
 * vocabularies in {@link bvb.facts.Enums}. A question the file leaves open stays open
 * ({@code UNKNOWN}, {@link bvb.facts.Answer#UNKNOWN}), never false, so a rule can ask for it. The
 * fact set's {@code tco} section is priced by {@link bvb.tco}; its records are inserted as facts
 * into the rule session by {@link bvb.engine.Engine}. {@link bvb.facts.FactSchema} writes the JSON
 * Schema of fact files from the same records.
 */
package bvb.facts;
