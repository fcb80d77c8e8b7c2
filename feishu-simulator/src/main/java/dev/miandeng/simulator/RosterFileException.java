package dev.miandeng.simulator;

/** The roster JSON file could not be read or is not a non-empty list of users. */
public final class RosterFileException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public RosterFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
