package dev.miandeng.adapter.redis;

/**
 * Redis refused a command for a reason that retrying will not fix: a script error, a key of the
 * wrong type under our prefix. A bug, not an outage, so it is not a {@code
 * StoreUnavailableException}: a retry or a 503 would hide it.
 */
public final class RedisMisuseException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  RedisMisuseException(String message, Throwable cause) {
    super(message, cause);
  }
}
