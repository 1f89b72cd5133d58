/**
 * {@code bvb bench}: timings of the decision flow (cold start, throughput, calculator floor, heap).
 */
package bvb.bench;
