/**
 * The third step of a decision (facts → TCO → engine → report): the rules applied to the facts.
 *
 * <p>{@link bvb.engine.Engine#decide} prices the {@code tco} section first, then inserts the facts
 * and the TCO results into a fresh Drools session over a compiled rule set ({@code bvb.rules}) and
 * fires its {@link bvb.engine.Phase}s in order, with bounded firings and time. Rules insert
 * {@link bvb.engine.Conclusion}s through {@link bvb.engine.Conclude}; the reconciliation phase turns
 * the documents' verdicts into exactly one recommendation. The result is an immutable
 * {@link bvb.engine.Decision} with every {@link bvb.engine.Firing} in order, which
 * {@code bvb.report} renders and {@code bvb.audit} logs.
 */
package bvb.engine;
