/**
 * {@code bvb batch}: the decision flow (facts → TCO → engine → report) over many fact sets, in
 * parallel on one compiled rule base, with outcomes in input order.
 */
package bvb.batch;
