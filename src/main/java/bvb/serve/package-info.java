/**
 * {@code bvb serve}: the decision flow (facts → TCO → engine → report) over HTTP, with request
 * limits, rule reloading without a restart, and metrics.
 */
package bvb.serve;
