/**
 * The {@code bvb} command line: one picocli command per subcommand, each running the flow
 * (facts → TCO → engine → report) or part of it, and the one place errors become exit codes.
 */
package bvb.cli;
