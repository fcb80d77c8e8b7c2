package dev.miandeng.simulator;

/** Thrown when an openId names nobody on the simulator's roster. */
public final class UnknownUserException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownUserException(String openId) {
    super("no roster user with openId " + openId);
  }
}
