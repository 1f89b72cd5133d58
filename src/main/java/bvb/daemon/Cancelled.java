package bvb.daemon;

/** Thrown into a command from its streams once its client has gone (Ctrl-C, killed): the command stops there. */
final class Cancelled extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Cancelled() {
    super("the client went away", null, false, false);
  }
}
