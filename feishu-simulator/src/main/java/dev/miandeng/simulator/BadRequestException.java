package dev.miandeng.simulator;

/** A request the simulator cannot even parse (malformed JSON, missing field of the control API). */
final class BadRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  BadRequestException(String message) {
    super(message);
  }
}
