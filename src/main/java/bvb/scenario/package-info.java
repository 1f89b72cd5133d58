/**
 * The analysts' regression suite: each sample fact file in {@code facts-samples/} run through the
 * whole flow (facts → TCO → engine) and its decision compared with the expectation file beside it
 * ({@code bvb test}).
 */
package bvb.scenario;
