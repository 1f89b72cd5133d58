/**
 * After the report: the decision log ({@code --audit}), and reading it back to explain a logged
 * decision or replay its facts against today's rules.
 */
package bvb.audit;
