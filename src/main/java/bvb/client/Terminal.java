package bvb.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which of a command's output streams are terminals, and whether it may use colour: only on a
 * terminal stdout, not with {@code TERM=dumb}, and not with {@code NO_COLOR} set to anything but
 * the empty string. Decided by the process that owns the streams (a daemon's client sends it along).
 *
 * @param stdout whether standard output is a terminal
 * @param stderr whether standard error is a terminal (batch progress goes there)
 * @param colour whether help and messages may use ANSI colour
 */
public record Terminal(boolean stdout, boolean stderr, boolean colour) {
  /** No terminal at all: output goes to files or pipes. */
  public static final Terminal NONE = new Terminal(false, false, false);

  /** This process's standard output and error, and its environment. */
  public static Terminal ofThisProcess() {
    boolean out = isTerminal(1);
    return new Terminal(out, isTerminal(2), out && colourAllowedFor(System.getenv()));
  }

  /** False for {@code TERM=dumb} or a non-empty {@code NO_COLOR}. */
  public static boolean colourAllowedFor(Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return !"dumb".equals(env.get("TERM")) && (noColor == null || noColor.isEmpty());
  }

  /**
   * Whether file descriptor {@code fd} of this process is a terminal: on Linux, whether it links
   * to a terminal device; elsewhere, whether the JVM has a console (stdin and stdout terminals).
   */
  static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** As one byte, for the daemon's run request. */
  byte bits() {
    return (byte) ((stdout ? 1 : 0) | (stderr ? 2 : 0) | (colour ? 4 : 0));
  }

  static Terminal ofBits(byte b) {
    return new Terminal((b & 1) != 0, (b & 2) != 0, (b & 4) != 0);
  }
}
