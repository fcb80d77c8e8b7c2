package dev.miandeng.simulator;

/** The command line of {@link Main} is wrong. */
final class UsageException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
