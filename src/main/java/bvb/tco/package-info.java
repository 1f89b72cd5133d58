/**
 * The second step of a decision (facts → TCO → engine → report): the total cost of ownership of
 * each candidate strategy.
 *
 * <p>{@link bvb.tco.TcoCalculator} prices a fact set's {@code tco} section ({@link bvb.tco.TcoInputs})
 * at its {@link bvb.tco.Volume} with the price catalog ({@code bvb.catalog}) over a 12, 24 or 36
 * month horizon. The {@link bvb.tco.TcoReport} holds one {@link bvb.tco.TcoResult} per strategy and
 * {@link bvb.tco.TcoComparison}s of API against self-host with their break-even volume; the engine
 * inserts those results as facts for the TCO rules, and the reports chart them. The calculator
 * does the arithmetic, so rules never do; {@code bvb tco} runs it alone.
 */
package bvb.tco;
