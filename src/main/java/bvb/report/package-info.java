/**
 * The last step of a decision (facts → TCO → engine → report): a {@link bvb.engine.Decision}, a TCO
 * report or a portfolio rendered as text, JSON, Markdown or HTML (with inline SVG charts).
 */
package bvb.report;
